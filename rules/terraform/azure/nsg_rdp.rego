# METADATA
# title: Network security group does not allow RDP from the internet
# description: >-
#   An inbound Allow rule from any source ("*", "Internet", "Any", 0.0.0.0/0)
#   that admits port 3389 (TCP or UDP) exposes Remote Desktop on every VM behind
#   the NSG to internet-wide brute force and exploit scanning. Both inline
#   `security_rule` blocks of `azurerm_network_security_group` and standalone
#   `azurerm_network_security_rule` resources are checked, with single ports,
#   ranges ("3000-4000"), "*" and `destination_port_ranges` lists.
#   An allow that a higher-priority inbound Deny rule of the same NSG (inline,
#   or joined by `network_security_group_name`) already blocks for the
#   internet is not reported.
# custom:
#   id: GATE-AZ-NSG-002
#   severity: high
#   remediation: |-
#     Restrict RDP to known addresses (or use Azure Bastion / just-in-time access):
#     ```hcl
#     resource "azurerm_network_security_rule" "rdp" {
#       # ...
#       direction                  = "Inbound"
#       access                     = "Allow"
#       protocol                   = "Tcp"
#       source_address_prefix      = "203.0.113.0/24"
#       destination_port_range     = "3389"
#     }
#     ```
#   resource_types: [azurerm_network_security_group, azurerm_network_security_rule]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.6]
#     iso27001_2022: [A.8.20]
#     nist_csf_2: [PR.IR-01]
#     nist_800_53r5: [SC-7, AC-17]
package gate.rules.terraform.azure.nsg_rdp

import rego.v1

import data.gate.lib.azure as az
import data.gate.lib.terraform as tf

deny contains tf.finding(e.resource, az.rule_path(e, az.source_attr(e.rule)), msg) if {
	some e in az.nsg_rules
	az.exposes_port(e.rule, 3389, {"tcp", "udp", "*"})
	not az.shadowed(e, 3389, {"tcp", "udp", "*"})
	msg := sprintf("%s allows RDP (port 3389) from the internet in rule %s", [e.resource.address, rule_name(e)])
}

rule_name(e) := sprintf("%q", [e.rule.name]) if is_string(e.rule.name)

else := e.resource.address
