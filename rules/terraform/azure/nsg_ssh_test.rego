package gate.rules.terraform.azure.nsg_ssh_test

import rego.v1

import data.gate.rules.terraform.azure.nsg_ssh as rule

res(type, name, values) := {
	"address": sprintf("%s.%s", [type, name]),
	"config_address": sprintf("%s.%s", [type, name]),
	"module": "", "mode": "managed", "type": type, "name": name, "index": null,
	"provider": "azurerm", "action": "create", "values": values, "refs": {},
}

base := {
	"name": "r", "priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
	"source_port_range": "*", "source_address_prefix": "*", "destination_address_prefix": "*",
	"destination_port_range": "22",
}

standalone(name, over) := res("azurerm_network_security_rule", name, object.union(base, over))

nsg(name, rules) := res("azurerm_network_security_group", name, {"name": name, "security_rule": rules})

test_standalone_ssh_fails if {
	r := rule.deny with input as {"resources": [standalone("s", {})]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_network_security_rule.s"
	f.attribute == "source_address_prefix"
}

test_inline_ssh_fails_with_path if {
	ok := object.union(base, {"destination_port_range": "443"})
	bad := object.union(base, {"name": "ssh", "source_address_prefix": "", "source_address_prefixes": ["Internet"], "destination_port_range": "", "destination_port_ranges": ["80", "20-25"]})
	r := rule.deny with input as {"resources": [nsg("g", [ok, bad])]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_network_security_group.g"
	f.attribute == "security_rule[1].source_address_prefixes"
}

test_all_ports_any_protocol_fails if {
	r := rule.deny with input as {"resources": [standalone("s", {"protocol": "*", "destination_port_range": "*", "source_address_prefix": "0.0.0.0/0"})]}
	count(r) == 1
}

test_restricted_source_passes if {
	r := rule.deny with input as {"resources": [standalone("s", {"source_address_prefix": "10.0.0.0/8"})]}
	count(r) == 0
}

test_other_port_passes if {
	r := rule.deny with input as {"resources": [standalone("s", {"destination_port_range": "23-30"})]}
	count(r) == 0
}

test_deny_and_outbound_pass if {
	r := rule.deny with input as {"resources": [standalone("d", {"access": "Deny"}), standalone("o", {"direction": "Outbound"})]}
	count(r) == 0
}

test_udp_passes if {
	r := rule.deny with input as {"resources": [standalone("s", {"protocol": "Udp"})]}
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as {"resources": [
		standalone("a", {"source_address_prefix": "<<unknown>>"}),
		standalone("b", {"destination_port_range": "<<unknown>>"}),
		nsg("c", "<<unknown>>"),
	]}
	count(r) == 0
}
