# METADATA
# title: Storage account denies network access by default
# description: >-
#   A storage account with public network access enabled (the default) and a
#   network rule set whose default action is Allow, or no network rule set at
#   all, accepts requests from every network on the internet; only a key or
#   token stands between the data and an attacker. Network rules can be set
#   inline (`network_rules`) or with a separate
#   `azurerm_storage_account_network_rules` resource joined by reference
#   (`storage_account_id`, or `storage_account_name` in older providers). In a
#   plan an unset inline block is "known after apply" and is not judged; if a
#   separate network-rules resource points at an unresolvable account, no
#   account is judged.
# custom:
#   id: GATE-AZ-STORAGE-005
#   severity: medium
#   remediation: |-
#     Deny by default and allow only the networks that need access (or disable public network access):
#     ```hcl
#     resource "azurerm_storage_account" "this" {
#       # ...
#       network_rules {
#         default_action             = "Deny"
#         bypass                     = ["AzureServices"]
#         virtual_network_subnet_ids = [azurerm_subnet.app.id]
#       }
#     }
#     ```
#   resource_types: [azurerm_storage_account, azurerm_storage_account_network_rules]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1, CC6.6]
#     iso27001_2022: [A.8.20, A.8.22]
#     nist_csf_2: [PR.IR-01]
#     nist_800_53r5: [SC-7, AC-3]
package gate.rules.terraform.azure.storage_network_default

import rego.v1

import data.gate.lib.azure as az
import data.gate.lib.terraform as tf

join_attrs := ["storage_account_id", "storage_account_name"]

public(r) if az.on_or_default_on(r, ["public_network_access_enabled"])

# Inline block with default action Allow.
deny contains tf.finding(r, "network_rules[0].default_action", msg) if {
	some r in tf.resources("azurerm_storage_account")
	public(r)
	az.lc(tf.block(r, "network_rules").default_action) == "allow"
	msg := sprintf("Storage account %s allows access from all networks (network_rules default_action = Allow)", [r.address])
}

# Separate network-rules resource with default action Allow.
deny contains tf.finding(r, "", msg) if {
	some r in tf.resources("azurerm_storage_account")
	public(r)
	some nr in tf.resources("azurerm_storage_account_network_rules")
	az.joined(nr, join_attrs, r)
	az.lc(nr.values.default_action) == "allow"
	msg := sprintf("Storage account %s allows access from all networks (%s default_action = Allow)", [r.address, nr.address])
}

# No network rules at all: every network is allowed.
deny contains tf.finding(r, "network_rules", msg) if {
	some r in tf.resources("azurerm_storage_account")
	public(r)
	no_inline_rules(r)
	not has_separate_rules(r)
	not az.any_unresolved("azurerm_storage_account_network_rules", join_attrs)
	msg := sprintf("Storage account %s has public network access and no network rules, so it accepts requests from all networks", [r.address])
}

no_inline_rules(r) if tf.missing(r, "network_rules")

no_inline_rules(r) if r.values.network_rules == []

has_separate_rules(r) if {
	some nr in tf.resources("azurerm_storage_account_network_rules")
	az.joined(nr, join_attrs, r)
}
