# METADATA
# title: Key Vault key has an expiration date
# description: >-
#   A key without an expiration date stays usable forever, so a leaked or
#   superseded key is never retired by the vault. `expiration_date` has no
#   default. A key with a `rotation_policy` that sets `expire_after` is not
#   judged: the vault then sets an expiry on every version it creates.
# custom:
#   id: GATE-AZ-KV-004
#   severity: medium
#   remediation: |-
#     Give the key an expiry, or a rotation policy that sets one:
#     ```hcl
#     resource "azurerm_key_vault_key" "this" {
#       # ...
#       expiration_date = "2026-12-31T00:00:00Z"
#       rotation_policy {
#         expire_after         = "P90D"
#         notify_before_expiry = "P29D"
#         automatic { time_before_expiry = "P30D" }
#       }
#     }
#     ```
#   resource_types: [azurerm_key_vault_key]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.8.24]
#     nist_csf_2: [PR.DS-01]
#     nist_800_53r5: [SC-12]
package gate.rules.terraform.azure.keyvault_key_expiry

import rego.v1

import data.gate.lib.terraform as tf

deny contains tf.finding(r, "expiration_date", msg) if {
	some r in tf.resources("azurerm_key_vault_key")
	tf.missing(r, "expiration_date")
	not rotation_sets_expiry(r)
	not tf.is_unknown(object.get(r.values, "rotation_policy", null))
	msg := sprintf("Key Vault key %s has no expiration_date, so it never expires", [r.address])
}

rotation_sets_expiry(r) if {
	some p in tf.blocks(r, "rotation_policy")
	object.get(p, "expire_after", null) != null
}
