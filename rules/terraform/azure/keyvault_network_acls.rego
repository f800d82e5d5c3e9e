# METADATA
# title: Key Vault denies network access by default
# description: >-
#   A vault reachable from public networks without a `network_acls` block, or
#   with `network_acls.default_action = "Allow"`, accepts data-plane requests
#   from any address; only the caller's token protects keys and secrets.
#   Vaults with `public_network_access_enabled = false` pass. An unset
#   `network_acls` is "known after apply" in a plan and is not judged there.
# custom:
#   id: GATE-AZ-KV-003
#   severity: medium
#   remediation: |-
#     Deny by default and allow only trusted networks (or disable public network access):
#     ```hcl
#     resource "azurerm_key_vault" "this" {
#       # ...
#       network_acls {
#         default_action             = "Deny"
#         bypass                     = "AzureServices"
#         virtual_network_subnet_ids = [azurerm_subnet.app.id]
#       }
#     }
#     ```
#   resource_types: [azurerm_key_vault]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1, CC6.6]
#     iso27001_2022: [A.8.20, A.8.22]
#     nist_csf_2: [PR.IR-01]
#     nist_800_53r5: [SC-7, AC-3]
package gate.rules.terraform.azure.keyvault_network_acls

import rego.v1

import data.gate.lib.azure as az
import data.gate.lib.terraform as tf

deny contains tf.finding(r, "network_acls[0].default_action", msg) if {
	some r in tf.resources("azurerm_key_vault")
	az.on_or_default_on(r, ["public_network_access_enabled"])
	az.lc(tf.block(r, "network_acls").default_action) == "allow"
	msg := sprintf("Key Vault %s accepts requests from all networks (network_acls default_action = Allow)", [r.address])
}

deny contains tf.finding(r, "network_acls", msg) if {
	some r in tf.resources("azurerm_key_vault")
	az.on_or_default_on(r, ["public_network_access_enabled"])
	no_acls(r)
	msg := sprintf("Key Vault %s has public network access and no network_acls, so it accepts requests from all networks", [r.address])
}

no_acls(r) if tf.missing(r, "network_acls")

no_acls(r) if r.values.network_acls == []
