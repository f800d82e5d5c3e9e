# METADATA
# title: MySQL server enforces TLS 1.2 connections
# description: >-
#   A MySQL server that accepts unencrypted connections, or TLS below 1.2,
#   lets credentials and query results cross the network in clear or weakly
#   protected form. Flexible servers enforce TLS by default; they fail when an
#   `azurerm_mysql_flexible_server_configuration` sets `require_secure_transport`
#   OFF or lists TLSv1 / TLSv1.1 in `tls_version`. Single servers
#   (`azurerm_mysql_server`, retired) fail with `ssl_enforcement_enabled = false`
#   or `ssl_minimal_tls_version_enforced` below TLS1_2 (its default is TLS1_2).
# custom:
#   id: GATE-AZ-MYSQL-001
#   severity: high
#   remediation: |-
#     Keep secure transport on (delete the override) and allow only TLS 1.2+:
#     ```hcl
#     resource "azurerm_mysql_flexible_server_configuration" "tls" {
#       name                = "tls_version"
#       resource_group_name = azurerm_resource_group.this.name
#       server_name         = azurerm_mysql_flexible_server.this.name
#       value               = "TLSv1.2,TLSv1.3"
#     }
#     ```
#   resource_types: [azurerm_mysql_flexible_server_configuration, azurerm_mysql_server]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.7]
#     iso27001_2022: [A.8.24]
#     nist_csf_2: [PR.DS-02]
#     nist_800_53r5: [SC-8, SC-8(1)]
package gate.rules.terraform.azure.mysql_tls

import rego.v1

import data.gate.lib.azure as az
import data.gate.lib.terraform as tf

deny contains tf.finding(c, "value", msg) if {
	some c in tf.resources("azurerm_mysql_flexible_server_configuration")
	az.lc(c.values.name) == "require_secure_transport"
	az.setting_off(c.values.value)
	msg := sprintf("MySQL server configuration %s turns require_secure_transport OFF, so the server accepts unencrypted connections", [c.address])
}

deny contains tf.finding(c, "value", msg) if {
	some c in tf.resources("azurerm_mysql_flexible_server_configuration")
	az.lc(c.values.name) == "tls_version"
	some v in split(az.lc(c.values.value), ",")
	az.weak_tls(trim_space(v))
	msg := sprintf("MySQL server configuration %s allows TLS below 1.2 (tls_version = %s)", [c.address, c.values.value])
}

deny contains tf.finding(r, "ssl_enforcement_enabled", msg) if {
	some r in tf.resources("azurerm_mysql_server")
	tf.is_false(r, "ssl_enforcement_enabled")
	msg := sprintf("MySQL server %s does not enforce SSL (ssl_enforcement_enabled = false)", [r.address])
}

deny contains tf.finding(r, "ssl_minimal_tls_version_enforced", msg) if {
	some r in tf.resources("azurerm_mysql_server")
	v := r.values.ssl_minimal_tls_version_enforced
	az.lc(v) in {"tls1_0", "tls1_1", "tlsenforcementdisabled"}
	msg := sprintf("MySQL server %s accepts TLS below 1.2 (ssl_minimal_tls_version_enforced = %s)", [r.address, v])
}
