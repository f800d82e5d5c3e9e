# METADATA
# title: Cosmos DB account is not open to all networks
# description: >-
#   A Cosmos DB account with public network access enabled (the default), no
#   IP range filter and no virtual network filter accepts data-plane requests
#   from any address on the internet, so a leaked key or token is immediately
#   usable from anywhere. Accounts with `public_network_access_enabled = false`,
#   a non-empty `ip_range_filter` (v3 string, v4 list) or
#   `is_virtual_network_filter_enabled = true` pass.
# custom:
#   id: GATE-AZ-COSMOS-001
#   severity: medium
#   remediation: |-
#     Disable public access (private endpoints) or restrict it to known networks:
#     ```hcl
#     resource "azurerm_cosmosdb_account" "this" {
#       # ...
#       public_network_access_enabled     = false
#       is_virtual_network_filter_enabled = true
#       ip_range_filter                   = ["203.0.113.0/24"]
#     }
#     ```
#   resource_types: [azurerm_cosmosdb_account]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1, CC6.6]
#     iso27001_2022: [A.8.20, A.8.22]
#     nist_csf_2: [PR.IR-01]
#     nist_800_53r5: [SC-7, AC-3]
package gate.rules.terraform.azure.cosmosdb_public_access

import rego.v1

import data.gate.lib.azure as az
import data.gate.lib.terraform as tf

deny contains tf.finding(r, "public_network_access_enabled", msg) if {
	some r in tf.resources("azurerm_cosmosdb_account")
	az.on_or_default_on(r, ["public_network_access_enabled"])
	az.off_or_default_off(r, ["is_virtual_network_filter_enabled"])
	object.get(r.values, "ip_range_filter", null) in {null, "", []}
	msg := sprintf("Cosmos DB account %s accepts requests from all networks (public access on, no IP or virtual network filter)", [r.address])
}
