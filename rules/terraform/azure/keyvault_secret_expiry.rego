# METADATA
# title: Key Vault secret has an expiration date
# description: >-
#   A secret without an expiration date is never flagged as stale by the vault,
#   so credentials that should be rotated stay valid indefinitely.
#   `expiration_date` has no default, so a secret without one fails.
# custom:
#   id: GATE-AZ-KV-005
#   severity: low
#   remediation: |-
#     Set an expiry and rotate the secret before it:
#     ```hcl
#     resource "azurerm_key_vault_secret" "this" {
#       # ...
#       expiration_date = "2026-12-31T00:00:00Z"
#     }
#     ```
#   resource_types: [azurerm_key_vault_secret]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.5.17]
#     nist_csf_2: [PR.AA-01]
#     nist_800_53r5: [IA-5]
package gate.rules.terraform.azure.keyvault_secret_expiry

import rego.v1

import data.gate.lib.terraform as tf

deny contains tf.finding(r, "expiration_date", msg) if {
	some r in tf.resources("azurerm_key_vault_secret")
	tf.missing(r, "expiration_date")
	msg := sprintf("Key Vault secret %s has no expiration_date, so it never expires", [r.address])
}
