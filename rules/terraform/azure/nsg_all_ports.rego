# METADATA
# title: Network security group does not allow all ports from the internet
# description: >-
#   An inbound Allow rule from any source ("*", "Internet", "Any", 0.0.0.0/0)
#   on every port ("*" or a range covering 1-65535) over TCP, UDP or any
#   protocol exposes every service on the VMs behind the NSG, including
#   management and database ports never meant to be public. ICMP-only rules are
#   not matched.
#   An allow that a higher-priority inbound Deny rule of the same NSG (inline,
#   or joined by `network_security_group_name`) already blocks for the
#   internet is not reported.
# custom:
#   id: GATE-AZ-NSG-003
#   severity: high
#   remediation: |-
#     Allow only the ports the service needs, from the sources that need them:
#     ```hcl
#     resource "azurerm_network_security_rule" "https" {
#       # ...
#       direction              = "Inbound"
#       access                 = "Allow"
#       protocol               = "Tcp"
#       source_address_prefix  = "Internet"
#       destination_port_range = "443"
#     }
#     ```
#   resource_types: [azurerm_network_security_group, azurerm_network_security_rule]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.6]
#     iso27001_2022: [A.8.20]
#     nist_csf_2: [PR.IR-01]
#     nist_800_53r5: [SC-7, CM-7]
package gate.rules.terraform.azure.nsg_all_ports

import rego.v1

import data.gate.lib.azure as az
import data.gate.lib.terraform as tf

deny contains tf.finding(e.resource, az.rule_path(e, az.source_attr(e.rule)), msg) if {
	some e in az.nsg_rules
	az.inbound_allow(e.rule)
	az.lc(object.get(e.rule, "protocol", "")) in {"tcp", "udp", "*"}
	az.internet_source(e.rule)
	some spec in az.dest_ports(e.rule)
	az.port_spec_all(spec)
	not az.shadowed_all(e, {"tcp", "udp", "*"})
	msg := sprintf("%s allows every port from the internet in rule %s", [e.resource.address, rule_name(e)])
}

rule_name(e) := sprintf("%q", [e.rule.name]) if is_string(e.rule.name)

else := e.resource.address
