# METADATA
# title: Container registry is not open to all networks
# description: >-
#   A registry with public network access enabled (the default) and no network
#   rule set, or one whose `default_action` is Allow (the default), accepts
#   pulls and pushes from any address, so a leaked token or password is usable
#   from anywhere and images can be exfiltrated. Registries with
#   `public_network_access_enabled = false` or
#   `network_rule_set { default_action = "Deny" }` (Premium SKU) pass. An unset
#   rule set is "known after apply" in a plan and is not judged there.
# custom:
#   id: GATE-AZ-ACR-002
#   severity: medium
#   remediation: |-
#     Use a Premium registry with private endpoints, or deny by default and allow known networks:
#     ```hcl
#     resource "azurerm_container_registry" "this" {
#       # ...
#       sku                           = "Premium"
#       public_network_access_enabled = false
#     }
#     ```
#   resource_types: [azurerm_container_registry]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.6]
#     iso27001_2022: [A.8.20, A.8.22]
#     nist_csf_2: [PR.IR-01]
#     nist_800_53r5: [SC-7]
package gate.rules.terraform.azure.acr_public_access

import rego.v1

import data.gate.lib.azure as az
import data.gate.lib.terraform as tf

deny contains tf.finding(r, "network_rule_set[0].default_action", msg) if {
	some r in tf.resources("azurerm_container_registry")
	az.on_or_default_on(r, ["public_network_access_enabled"])
	rs := tf.block(r, "network_rule_set")
	az.lc(object.get(rs, "default_action", "Allow")) == "allow"
	msg := sprintf("Container registry %s accepts requests from all networks (network_rule_set default_action = Allow)", [r.address])
}

deny contains tf.finding(r, "public_network_access_enabled", msg) if {
	some r in tf.resources("azurerm_container_registry")
	az.on_or_default_on(r, ["public_network_access_enabled"])
	object.get(r.values, "network_rule_set", null) in {null, []}
	msg := sprintf("Container registry %s has public network access and no network rule set, so it accepts requests from all networks", [r.address])
}
