# METADATA
# title: Cloud SQL instance accepts only encrypted connections
# description: >-
#   Unless settings.ip_configuration.ssl_mode is ENCRYPTED_ONLY or
#   TRUSTED_CLIENT_CERTIFICATE_REQUIRED (or the legacy require_ssl is true),
#   Cloud SQL also accepts unencrypted connections, so credentials and data
#   can cross the network in clear text. The server default is
#   ALLOW_UNENCRYPTED_AND_ENCRYPTED, so an absent ip_configuration or
#   ssl_mode fails; connections through the Cloud SQL Auth Proxy are
#   encrypted either way but direct ones are not.
# custom:
#   id: GATE-GCP-SQL-001
#   severity: high
#   remediation: |-
#     Require TLS for every connection:
#     ```hcl
#     resource "google_sql_database_instance" "this" {
#       database_version = "POSTGRES_15"
#       settings {
#         tier = "db-custom-2-7680"
#         ip_configuration {
#           ssl_mode = "ENCRYPTED_ONLY"
#         }
#       }
#     }
#     ```
#   resource_types: [google_sql_database_instance]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.7]
#     iso27001_2022: [A.8.24]
#     nist_csf_2: [PR.DS-02]
#     nist_800_53r5: [SC-8, SC-8(1)]
package gate.rules.terraform.gcp.sql_ssl

import rego.v1

import data.gate.lib.gcp
import data.gate.lib.terraform as tf

enforcing_modes := {"ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"}

deny contains tf.finding(r, attr, msg) if {
	some r in tf.resources("google_sql_database_instance")
	s := gcp.sql_settings(r)
	ip := ip_config(r, s)
	mode := ssl_mode(r, ip)
	req := require_ssl(r, ip)
	not enforced(mode, req)
	attr := attribute(r)
	msg := sprintf("Cloud SQL instance %s accepts unencrypted connections (ssl_mode is not ENCRYPTED_ONLY or TRUSTED_CLIENT_CERTIFICATE_REQUIRED)", [r.address])
}

# ip_config is settings[0].ip_configuration[0], or {} when the block is unset.
ip_config(r, _) := ip if ip := gcp.nested(r, ["settings", "ip_configuration"])

ip_config(r, s) := {} if gcp.unset_in(r, s, "ip_configuration", "settings.ip_configuration")

ip_config(_, s) := {} if s.ip_configuration == []

# ssl_mode is the configured mode, "UNSET" when the server default applies,
# undefined when it cannot be told.
ssl_mode(_, ip) := m if {
	m := ip.ssl_mode
	is_string(m)
	tf.known(m)
	m != ""
}

ssl_mode(r, ip) := "UNSET" if gcp.unset_in(r, ip, "ssl_mode", "settings.ip_configuration.ssl_mode")

ssl_mode(_, ip) := "UNSET" if ip.ssl_mode == ""

require_ssl(_, ip) := v if {
	v := ip.require_ssl
	is_boolean(v)
}

require_ssl(r, ip) := false if gcp.unset_in(r, ip, "require_ssl", "settings.ip_configuration.require_ssl")

enforced(mode, _) if mode in enforcing_modes

enforced(mode, true) if mode != "ALLOW_UNENCRYPTED_AND_ENCRYPTED"

attribute(r) := "settings[0].ip_configuration[0].ssl_mode" if {
	gcp.nested(r, ["settings", "ip_configuration"])
} else := "settings[0]"
