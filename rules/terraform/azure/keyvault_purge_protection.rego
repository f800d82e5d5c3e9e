# METADATA
# title: Key Vault has purge protection enabled
# description: >-
#   Without purge protection a deleted vault, or a deleted key, secret or
#   certificate in it, can be purged before its soft-delete retention period
#   ends, so a malicious or mistaken delete destroys keys that encrypted data
#   depends on. `purge_protection_enabled` defaults to false, so a vault that
#   does not set it to true fails.
# custom:
#   id: GATE-AZ-KV-001
#   severity: medium
#   remediation: |-
#     Enable purge protection (it cannot be turned off again):
#     ```hcl
#     resource "azurerm_key_vault" "this" {
#       # ...
#       purge_protection_enabled   = true
#       soft_delete_retention_days = 90
#     }
#     ```
#   resource_types: [azurerm_key_vault]
#   sources: [plan, hcl]
#   controls:
#     soc2: [A1.2, CC6.1]
#     iso27001_2022: [A.8.24, A.8.13]
#     nist_csf_2: [PR.DS-11]
#     nist_800_53r5: [SC-12, CP-9]
package gate.rules.terraform.azure.keyvault_purge_protection

import rego.v1

import data.gate.lib.azure as az
import data.gate.lib.terraform as tf

deny contains tf.finding(r, "purge_protection_enabled", msg) if {
	some r in tf.resources("azurerm_key_vault")
	az.off_or_default_off(r, ["purge_protection_enabled"])
	msg := sprintf("Key Vault %s does not enable purge_protection_enabled, so deleted keys and secrets can be purged before retention ends", [r.address])
}
