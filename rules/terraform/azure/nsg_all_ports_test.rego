package gate.rules.terraform.azure.nsg_all_ports_test

import rego.v1

import data.gate.rules.terraform.azure.nsg_all_ports as rule

res(type, name, values) := {
	"address": sprintf("%s.%s", [type, name]),
	"config_address": sprintf("%s.%s", [type, name]),
	"module": "", "mode": "managed", "type": type, "name": name, "index": null,
	"provider": "azurerm", "action": "create", "values": values, "refs": {},
}

base := {
	"name": "r", "priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "*",
	"source_port_range": "*", "source_address_prefix": "*", "destination_address_prefix": "*",
	"destination_port_range": "*",
}

standalone(name, over) := res("azurerm_network_security_rule", name, object.union(base, over))

test_all_ports_fails if {
	r := rule.deny with input as {"resources": [standalone("s", {})]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_network_security_rule.s"
	f.attribute == "source_address_prefix"
}

test_full_range_fails if {
	r := rule.deny with input as {"resources": [standalone("s", {"protocol": "Tcp", "destination_port_range": "0-65535"})]}
	count(r) == 1
}

test_inline_fails if {
	g := res("azurerm_network_security_group", "g", {"security_rule": [object.union(base, {"source_address_prefix": "Internet"})]})
	r := rule.deny with input as {"resources": [g]}
	count(r) == 1
	some f in r
	f.attribute == "security_rule[0].source_address_prefix"
}

test_single_port_passes if {
	r := rule.deny with input as {"resources": [standalone("s", {"destination_port_range": "443"})]}
	count(r) == 0
}

test_icmp_passes if {
	r := rule.deny with input as {"resources": [standalone("s", {"protocol": "Icmp"})]}
	count(r) == 0
}

test_private_source_passes if {
	r := rule.deny with input as {"resources": [standalone("s", {"source_address_prefix": "10.0.0.0/8"})]}
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as {"resources": [standalone("s", {"destination_port_range": "<<unknown>>"})]}
	count(r) == 0
}

test_shadowed_by_deny_all_passes if {
	allow := object.union(base, {"name": "allow-all", "priority": 300})
	deny := object.union(base, {"name": "deny-all", "priority": 100, "access": "Deny", "source_address_prefix": "Internet"})
	g := res("azurerm_network_security_group", "g", {"security_rule": [allow, deny]})
	r := rule.deny with input as {"resources": [g]}
	count(r) == 0
}

test_partial_deny_does_not_shadow if {
	allow := object.union(base, {"name": "allow-all", "priority": 300})
	deny := object.union(base, {"name": "deny-ssh", "priority": 100, "access": "Deny", "destination_port_range": "22"})
	g := res("azurerm_network_security_group", "g", {"security_rule": [allow, deny]})
	r := rule.deny with input as {"resources": [g]}
	count(r) == 1
}
