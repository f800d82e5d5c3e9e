# METADATA
# title: Cloud SQL instance is not open to the whole internet
# description: >-
#   An authorized network of 0.0.0.0/0 (or ::/0) on an instance with a public
#   IPv4 address lets any host on the internet reach the database port and
#   try passwords. ipv4_enabled defaults to true, so an absent value counts
#   as a public IP.
# custom:
#   id: GATE-GCP-SQL-002
#   severity: critical
#   remediation: |-
#     Authorize only the networks that need access, or use private IP and the
#     Cloud SQL Auth Proxy:
#     ```hcl
#     settings {
#       ip_configuration {
#         ipv4_enabled    = false
#         private_network = google_compute_network.vpc.id
#       }
#     }
#     ```
#   resource_types: [google_sql_database_instance]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.6]
#     iso27001_2022: [A.8.20, A.8.22]
#     nist_csf_2: [PR.IR-01]
#     nist_800_53r5: [SC-7]
package gate.rules.terraform.gcp.sql_public_network

import rego.v1

import data.gate.lib.gcp
import data.gate.lib.terraform as tf

deny contains tf.finding(r, sprintf("settings[0].ip_configuration[0].authorized_networks[%d].value", [i]), msg) if {
	some r in tf.resources("google_sql_database_instance")
	ip := gcp.nested(r, ["settings", "ip_configuration"])
	public_ip(ip, r)
	nets := ip.authorized_networks
	is_array(nets)
	some i, n in nets
	n.value in gcp.internet_ranges
	msg := sprintf("Cloud SQL instance %s has a public IP and authorizes %s, the whole internet", [r.address, n.value])
}

public_ip(ip, r) if gcp.unset_in(r, ip, "ipv4_enabled", "settings.ip_configuration.ipv4_enabled")

public_ip(ip, _) if ip.ipv4_enabled == true
