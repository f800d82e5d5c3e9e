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

deny_ssh(prio, proto) := object.union(base, {"name": "deny-ssh", "priority": prio, "access": "Deny", "protocol": proto})

test_inline_allow_shadowed_by_earlier_deny_passes if {
	allow_all := object.union(base, {"name": "allow-all", "priority": 200, "protocol": "*", "destination_port_range": "*"})
	r := rule.deny with input as {"resources": [nsg("g", [deny_ssh(100, "Tcp"), allow_all])]}
	count(r) == 0
}

test_later_deny_does_not_shadow if {
	r := rule.deny with input as {"resources": [nsg("g", [object.union(base, {"priority": 100}), deny_ssh(4000, "*")])]}
	count(r) == 1
}

test_udp_deny_does_not_shadow_tcp if {
	r := rule.deny with input as {"resources": [nsg("g", [object.union(base, {"priority": 200}), deny_ssh(100, "Udp")])]}
	count(r) == 1
}

test_deny_in_other_nsg_does_not_shadow if {
	r := rule.deny with input as {"resources": [nsg("g", [object.union(base, {"priority": 200})]), nsg("h", [deny_ssh(100, "*")])]}
	count(r) == 1
}

test_standalone_shadowed_by_standalone_of_same_nsg if {
	refs := {"network_security_group_name": ["azurerm_network_security_group.g"]}
	allow := object.union(standalone("allow", {"priority": 300, "network_security_group_name": "<<unknown>>"}), {"refs": refs})
	deny := object.union(res("azurerm_network_security_rule", "deny", object.union(deny_ssh(100, "*"), {"network_security_group_name": "<<unknown>>"})), {"refs": refs})
	r := rule.deny with input as {"resources": [nsg("g", []), allow, deny]}
	count(r) == 0
}

test_inline_shadowed_by_joined_standalone_deny if {
	deny := object.union(res("azurerm_network_security_rule", "deny", object.union(deny_ssh(100, "Tcp"), {"network_security_group_name": "<<unknown>>"})), {"refs": {"network_security_group_name": ["azurerm_network_security_group.g"]}})
	r := rule.deny with input as {"resources": [nsg("g", [object.union(base, {"priority": 200})]), deny]}
	count(r) == 0
}
