package gate.rules.terraform.azure.nsg_rdp_test

import rego.v1

import data.gate.rules.terraform.azure.nsg_rdp as rule

res(type, name, values) := {
	"address": sprintf("%s.%s", [type, name]),
	"config_address": sprintf("%s.%s", [type, name]),
	"module": "", "mode": "managed", "type": type, "name": name, "index": null,
	"provider": "azurerm", "action": "create", "values": values, "refs": {},
}

base := {
	"name": "r", "priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
	"source_port_range": "*", "source_address_prefix": "Internet", "destination_address_prefix": "*",
	"destination_port_range": "3389",
}

standalone(name, over) := res("azurerm_network_security_rule", name, object.union(base, over))

test_rdp_fails if {
	r := rule.deny with input as {"resources": [standalone("s", {})]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_network_security_rule.s"
}

test_rdp_udp_fails if {
	r := rule.deny with input as {"resources": [standalone("s", {"protocol": "Udp"})]}
	count(r) == 1
}

test_rdp_in_range_list_fails if {
	g := res("azurerm_network_security_group", "g", {"security_rule": [object.union(base, {"destination_port_range": null, "destination_port_ranges": ["3000-4000"]})]})
	r := rule.deny with input as {"resources": [g]}
	count(r) == 1
	some f in r
	f.attribute == "security_rule[0].source_address_prefix"
}

test_restricted_source_passes if {
	r := rule.deny with input as {"resources": [standalone("s", {"source_address_prefix": "VirtualNetwork"})]}
	count(r) == 0
}

test_ssh_only_passes if {
	r := rule.deny with input as {"resources": [standalone("s", {"destination_port_range": "22"})]}
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as {"resources": [standalone("s", {"source_address_prefix": "<<unknown>>"})]}
	count(r) == 0
}

test_tcp_deny_leaves_udp_open if {
	any_proto := object.union(base, {"name": "rdp-any", "priority": 200, "protocol": "*"})
	deny_tcp := object.union(base, {"name": "deny-rdp", "priority": 100, "access": "Deny", "protocol": "Tcp"})
	g := res("azurerm_network_security_group", "g", {"security_rule": [any_proto, deny_tcp]})
	r := rule.deny with input as {"resources": [g]}
	count(r) == 1
}

test_any_protocol_deny_shadows if {
	any_proto := object.union(base, {"name": "rdp-any", "priority": 200, "protocol": "*"})
	deny_all := object.union(base, {"name": "deny-rdp", "priority": 100, "access": "Deny", "protocol": "*"})
	g := res("azurerm_network_security_group", "g", {"security_rule": [any_proto, deny_all]})
	r := rule.deny with input as {"resources": [g]}
	count(r) == 0
}
