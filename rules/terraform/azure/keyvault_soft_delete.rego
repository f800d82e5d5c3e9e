# METADATA
# title: Key Vault keeps deleted objects for the minimum retention period
# description: >-
#   Soft delete keeps deleted vaults, keys, secrets and certificates
#   recoverable for `soft_delete_retention_days` (7 to 90, provider default 90;
#   an absent value is taken as 90). A vault whose retention is below the
#   configured minimum (param `min_days`, default 7 - the Azure minimum, raise
#   it to match your recovery objective) fails, as does a vault created with
#   the azurerm v2 argument `soft_delete_enabled = false`.
# custom:
#   id: GATE-AZ-KV-002
#   severity: medium
#   remediation: |-
#     Keep soft delete and a retention period that meets your recovery objective:
#     ```hcl
#     resource "azurerm_key_vault" "this" {
#       # ...
#       soft_delete_retention_days = 90
#     }
#     ```
#   resource_types: [azurerm_key_vault]
#   sources: [plan, hcl]
#   params:
#     min_days: 7
#   controls:
#     soc2: [A1.2]
#     iso27001_2022: [A.8.13]
#     nist_csf_2: [PR.DS-11]
#     nist_800_53r5: [CP-9, SC-12]
package gate.rules.terraform.azure.keyvault_soft_delete

import rego.v1

import data.gate.lib.params
import data.gate.lib.terraform as tf

min_days := params.param("GATE-AZ-KV-002", "min_days", 7)

deny contains tf.finding(r, "soft_delete_retention_days", msg) if {
	some r in tf.resources("azurerm_key_vault")
	days := tf.num(r.values.soft_delete_retention_days)
	days < min_days
	msg := sprintf("Key Vault %s keeps deleted objects for %v days (soft_delete_retention_days), below the required %v", [r.address, days, min_days])
}

deny contains tf.finding(r, "soft_delete_enabled", msg) if {
	some r in tf.resources("azurerm_key_vault")
	tf.is_false(r, "soft_delete_enabled")
	msg := sprintf("Key Vault %s disables soft delete (soft_delete_enabled = false), so deleted keys and secrets cannot be recovered", [r.address])
}
