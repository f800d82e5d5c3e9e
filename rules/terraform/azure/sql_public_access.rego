# METADATA
# title: Azure SQL server disables public network access
# description: >-
#   With public network access enabled the server's public endpoint accepts
#   connections from any address its server-level firewall rules allow, so
#   one broad rule exposes every database to the internet; private endpoints
#   avoid that surface entirely. `public_network_access_enabled` defaults to
#   true (azurerm v3 and v4), so a server that does not set it to false fails.
# custom:
#   id: GATE-AZ-SQL-002
#   severity: medium
#   remediation: |-
#     Disable the public endpoint and connect through a private endpoint:
#     ```hcl
#     resource "azurerm_mssql_server" "this" {
#       # ...
#       public_network_access_enabled = false
#     }
#     ```
#   resource_types: [azurerm_mssql_server]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.6]
#     iso27001_2022: [A.8.20, A.8.22]
#     nist_csf_2: [PR.IR-01]
#     nist_800_53r5: [SC-7]
package gate.rules.terraform.azure.sql_public_access

import rego.v1

import data.gate.lib.azure as az
import data.gate.lib.terraform as tf

deny contains tf.finding(r, "public_network_access_enabled", msg) if {
	some r in tf.resources("azurerm_mssql_server")
	az.on_or_default_on(r, ["public_network_access_enabled"])
	msg := sprintf("SQL server %s has public network access enabled (public_network_access_enabled defaults to true)", [r.address])
}
