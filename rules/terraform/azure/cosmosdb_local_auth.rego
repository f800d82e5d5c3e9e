# METADATA
# title: Cosmos DB account disables key-based (local) authentication
# description: >-
#   With local authentication enabled, the account's primary and secondary keys
#   grant full data-plane access, cannot be scoped, and are not tied to an
#   identity, so every leaked connection string is a skeleton key. Entra ID
#   (RBAC) authentication avoids shared keys. `local_authentication_disabled`
#   defaults to false (azurerm v3 and v4), so an account that does not set it
#   to true fails.
# custom:
#   id: GATE-AZ-COSMOS-002
#   severity: medium
#   remediation: |-
#     Use Entra ID data-plane roles and disable keys:
#     ```hcl
#     resource "azurerm_cosmosdb_account" "this" {
#       # ...
#       local_authentication_disabled = true
#     }
#     ```
#   resource_types: [azurerm_cosmosdb_account]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.5.17, A.8.5]
#     nist_csf_2: [PR.AA-01, PR.AA-03]
#     nist_800_53r5: [IA-2, IA-5]
package gate.rules.terraform.azure.cosmosdb_local_auth

import rego.v1

import data.gate.lib.azure as az
import data.gate.lib.terraform as tf

deny contains tf.finding(r, "local_authentication_disabled", msg) if {
	some r in tf.resources("azurerm_cosmosdb_account")
	az.off_or_default_off(r, ["local_authentication_disabled"])
	msg := sprintf("Cosmos DB account %s allows key-based authentication (local_authentication_disabled is not true)", [r.address])
}
