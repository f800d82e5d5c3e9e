# METADATA
# title: Azure SQL firewall rule does not admit the whole internet
# description: >-
#   A server-level firewall rule whose range spans at least half of the IPv4
#   address space (typically 0.0.0.0 - 255.255.255.255) lets any host on the
#   internet reach the server's login endpoint, leaving only the password
#   between an attacker and the data. The special rule 0.0.0.0 - 0.0.0.0
#   ("allow Azure services") is not matched. Covers `azurerm_mssql_firewall_rule`
#   and the legacy `azurerm_sql_firewall_rule`.
# custom:
#   id: GATE-AZ-SQL-006
#   severity: high
#   remediation: |-
#     Allow only the addresses that need access, or use a private endpoint:
#     ```hcl
#     resource "azurerm_mssql_firewall_rule" "office" {
#       name             = "office"
#       server_id        = azurerm_mssql_server.this.id
#       start_ip_address = "203.0.113.10"
#       end_ip_address   = "203.0.113.10"
#     }
#     ```
#   resource_types: [azurerm_mssql_firewall_rule, azurerm_sql_firewall_rule]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.6]
#     iso27001_2022: [A.8.20]
#     nist_csf_2: [PR.IR-01]
#     nist_800_53r5: [SC-7]
package gate.rules.terraform.azure.sql_firewall_open

import rego.v1

import data.gate.lib.azure as az
import data.gate.lib.terraform as tf

deny contains tf.finding(r, "start_ip_address", msg) if {
	some t in ["azurerm_mssql_firewall_rule", "azurerm_sql_firewall_rule"]
	some r in tf.resources(t)
	az.internet_wide_range(r.values.start_ip_address, r.values.end_ip_address)
	msg := sprintf("SQL firewall rule %s admits the whole internet (%s - %s)", [r.address, r.values.start_ip_address, r.values.end_ip_address])
}
