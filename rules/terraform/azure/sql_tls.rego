# METADATA
# title: Azure SQL server requires TLS 1.2 or newer
# description: >-
#   An Azure SQL logical server whose `minimum_tls_version` is "1.0", "1.1" or
#   "Disabled" (no minimum: every TLS version is accepted) lets clients connect
#   with deprecated protocol versions. The provider default is "1.2" (azurerm v3
#   and v4), so an absent argument passes.
# custom:
#   id: GATE-AZ-SQL-001
#   severity: medium
#   remediation: |-
#     Require TLS 1.2:
#     ```hcl
#     resource "azurerm_mssql_server" "this" {
#       # ...
#       minimum_tls_version = "1.2"
#     }
#     ```
#   resource_types: [azurerm_mssql_server]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.7]
#     iso27001_2022: [A.8.24]
#     nist_csf_2: [PR.DS-02]
#     nist_800_53r5: [SC-8, SC-13]
package gate.rules.terraform.azure.sql_tls

import rego.v1

import data.gate.lib.azure as az
import data.gate.lib.terraform as tf

deny contains tf.finding(r, "minimum_tls_version", msg) if {
	some r in tf.resources("azurerm_mssql_server")
	v := r.values.minimum_tls_version
	weak(v)
	msg := sprintf("SQL server %s accepts TLS versions below 1.2 (minimum_tls_version = %s)", [r.address, v])
}

weak(v) if az.weak_tls(v)

weak(v) if az.lc(v) == "disabled"
