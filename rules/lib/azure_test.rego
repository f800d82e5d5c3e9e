package gate.lib.azure_test

import rego.v1

import data.gate.lib.azure as az

res(type, name, values, refs) := {
	"address": sprintf("%s.%s", [type, name]),
	"config_address": sprintf("%s.%s", [type, name]),
	"module": "", "mode": "managed", "type": type, "name": name, "index": null,
	"provider": "azurerm", "action": "create", "values": values, "refs": refs,
}

test_lc if {
	az.lc("TLS1_0") == "tls1_0"
	az.lc(3) == ""
	az.lc(null) == ""
}

test_string_list if {
	az.string_list("a") == ["a"]
	az.string_list(["a", 1, "b"]) == ["a", "b"]
	az.string_list(null) == []
	az.string_list(7) == []
}

test_explicit_false_and_true if {
	r := res("t", "a", {"x": "<<unknown>>", "y": false, "z": true}, {})
	az.explicit_false(r, ["x", "y"]) == "y"
	az.explicit_true(r, ["x", "z"]) == "z"
	not az.explicit_false(r, ["x", "z"])
}

test_off_or_default_off if {
	az.off_or_default_off(res("t", "a", {}, {}), ["x", "y"])
	az.off_or_default_off(res("t", "a", {"x": false, "y": null}, {}), ["x", "y"])
	not az.off_or_default_off(res("t", "a", {"x": true}, {}), ["x", "y"])
	not az.off_or_default_off(res("t", "a", {"y": "<<unknown>>"}, {}), ["x", "y"])
}

test_on_or_default_on if {
	az.on_or_default_on(res("t", "a", {}, {}), ["x"])
	az.on_or_default_on(res("t", "a", {"x": true}, {}), ["x"])
	not az.on_or_default_on(res("t", "a", {"x": false}, {}), ["x"])
	not az.on_or_default_on(res("t", "a", {"x": "<<unknown>>"}, {}), ["x"])
}

test_weak_tls if {
	az.weak_tls("TLS1_0")
	az.weak_tls("TLS1_1")
	az.weak_tls("1.0")
	az.weak_tls("TLSv1.1")
	not az.weak_tls("TLS1_2")
	not az.weak_tls("1.2")
	not az.weak_tls("<<unknown>>")
	not az.weak_tls(1.1)
}

test_internet_prefix if {
	az.internet_prefix("*")
	az.internet_prefix("Internet")
	az.internet_prefix("0.0.0.0/0")
	az.internet_prefix("Any")
	not az.internet_prefix("10.0.0.0/8")
	not az.internet_prefix("VirtualNetwork")
	not az.internet_prefix("<<unknown>>")
	az.internet_prefix("34.15.11.3/0")
	az.internet_prefix("::/0")
	not az.internet_prefix("10.0.0.0/10")
	not az.internet_prefix("1.2.3.4/30")
	not az.internet_prefix(0)
}

test_ipv4_int if {
	az.ipv4_int("0.0.0.0") == 0
	az.ipv4_int("255.255.255.255") == 4294967295
	az.ipv4_int("10.0.0.1") == 167772161
	not az.ipv4_int("256.0.0.1")
	not az.ipv4_int("<<unknown>>")
	not az.ipv4_int(12)
}

test_internet_wide_range if {
	az.internet_wide_range("0.0.0.0", "255.255.255.255")
	az.internet_wide_range("1.0.0.0", "254.255.255.255")
	not az.internet_wide_range("0.0.0.0", "0.0.0.0")
	not az.internet_wide_range("10.0.0.0", "10.255.255.255")
	not az.internet_wide_range("0.0.0.0", "<<unknown>>")
}

test_port_spec_covers if {
	az.port_spec_covers("*", 22)
	az.port_spec_covers("22", 22)
	az.port_spec_covers(" 22 ", 22)
	az.port_spec_covers(22, 22)
	az.port_spec_covers("20-30", 22)
	az.port_spec_covers("22-22", 22)
	not az.port_spec_covers("23-30", 22)
	not az.port_spec_covers("2222", 22)
	not az.port_spec_covers("", 22)
	not az.port_spec_covers("<<unknown>>", 22)
	not az.port_spec_covers(null, 22)
	az.port_spec_covers("21, 22 , 24 ", 22)
	az.port_spec_covers("111-211, 20-30, 1-2 , 3", 22)
	not az.port_spec_covers("21, 23-30", 22)
	not az.port_spec_covers(",", 22)
}

test_port_spec_all if {
	az.port_spec_all("*")
	az.port_spec_all("0-65535")
	az.port_spec_all("1-65535")
	not az.port_spec_all("1-1024")
	not az.port_spec_all("22")
	az.port_spec_all("22, *")
	not az.port_spec_all(12)
}

test_nsg_rules_inline_and_standalone if {
	inp := {"resources": [
		res("azurerm_network_security_group", "g", {"security_rule": [{"name": "a"}, {"name": "b"}]}, {}),
		res("azurerm_network_security_rule", "r", {"name": "c"}, {}),
		res("azurerm_network_security_group", "u", {"security_rule": "<<unknown>>"}, {}),
	]}
	rules := az.nsg_rules with input as inp
	paths := {sprintf("%s/%s", [e.resource.address, e.path]) | some e in rules}
	paths == {
		"azurerm_network_security_group.g/security_rule[0]",
		"azurerm_network_security_group.g/security_rule[1]",
		"azurerm_network_security_rule.r/",
	}
}

test_rule_path if {
	az.rule_path({"path": ""}, "destination_port_range") == "destination_port_range"
	az.rule_path({"path": "security_rule[1]"}, "protocol") == "security_rule[1].protocol"
}

test_exposes_port if {
	base := {"direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_address_prefix": "*", "destination_port_range": "22"}
	az.exposes_port(base, 22, {"tcp", "*"})
	az.exposes_port(object.union(base, {"destination_port_range": "", "destination_port_ranges": ["80", "20-25"]}), 22, {"tcp", "*"})
	az.exposes_port(object.union(base, {"source_address_prefix": "", "source_address_prefixes": ["10.0.0.0/8", "Internet"]}), 22, {"tcp", "*"})
	not az.exposes_port(object.union(base, {"direction": "Outbound"}), 22, {"tcp", "*"})
	not az.exposes_port(object.union(base, {"access": "Deny"}), 22, {"tcp", "*"})
	not az.exposes_port(object.union(base, {"protocol": "Udp"}), 22, {"tcp", "*"})
	not az.exposes_port(object.union(base, {"source_address_prefix": "10.0.0.0/8"}), 22, {"tcp", "*"})
	not az.exposes_port(object.union(base, {"source_address_prefix": "<<unknown>>"}), 22, {"tcp", "*"})
	not az.exposes_port(object.union(base, {"destination_port_range": "<<unknown>>"}), 22, {"tcp", "*"})
}

test_source_attr if {
	az.source_attr({"source_address_prefix": "*"}) == "source_address_prefix"
	az.source_attr({"source_address_prefix": "", "source_address_prefixes": ["Internet"]}) == "source_address_prefixes"
}

test_joined_by_ref_and_value if {
	kv := object.union(res("azurerm_key_vault", "kv", {"name": "kv1"}, {}), {})
	c1 := res("azurerm_key_vault_key", "k", {"key_vault_id": "<<unknown>>"}, {"key_vault_id": ["azurerm_key_vault.kv"]})
	az.joined(c1, ["key_vault_id"], kv)
	kv2 := res("azurerm_key_vault", "kv2", {"id": "/x/kv2"}, {})
	c2 := res("azurerm_key_vault_key", "k2", {"key_vault_id": "/x/kv2"}, {})
	az.joined(c2, ["key_vault_id"], kv2)
	not az.joined(c2, ["key_vault_id"], kv)
}

test_unresolved if {
	kv := res("azurerm_key_vault", "kv", {}, {})
	by_var := res("azurerm_monitor_diagnostic_setting", "d", {"target_resource_id": "<<unknown>>"}, {})
	by_ref := res("azurerm_monitor_diagnostic_setting", "e", {"target_resource_id": "<<unknown>>"}, {"target_resource_id": ["azurerm_key_vault.kv"]})
	literal := res("azurerm_monitor_diagnostic_setting", "f", {"target_resource_id": "/subscriptions/x"}, {})
	inp := {"resources": [kv, by_var, by_ref, literal]}
	az.unresolved(by_var, ["target_resource_id"]) with input as inp
	not az.unresolved(by_ref, ["target_resource_id"]) with input as inp
	not az.unresolved(literal, ["target_resource_id"]) with input as inp
	az.any_unresolved("azurerm_monitor_diagnostic_setting", ["target_resource_id"]) with input as inp
}

test_setting_off if {
	az.setting_off("off")
	az.setting_off("OFF")
	az.setting_off("0")
	not az.setting_off("on")
	not az.setting_off("<<unknown>>")
	not az.setting_off(0)
}

test_same_nsg if {
	g := res("azurerm_network_security_group", "g", {"name": "nsg"}, {})
	inline_a := {"resource": g, "path": "security_rule[0]", "rule": {}}
	inline_b := {"resource": g, "path": "security_rule[1]", "rule": {}}
	other := {"resource": res("azurerm_network_security_group", "h", {}, {}), "path": "security_rule[0]", "rule": {}}
	s1 := {"resource": res("azurerm_network_security_rule", "s1", {"network_security_group_name": "<<unknown>>"}, {"network_security_group_name": ["azurerm_network_security_group.g"]}), "path": "", "rule": {}}
	s2 := {"resource": res("azurerm_network_security_rule", "s2", {"network_security_group_name": "<<unknown>>"}, {"network_security_group_name": ["azurerm_network_security_group.g"]}), "path": "", "rule": {}}
	n1 := {"resource": res("azurerm_network_security_rule", "n1", {"network_security_group_name": "nsg", "resource_group_name": "rg"}, {}), "path": "", "rule": {}}
	n2 := {"resource": res("azurerm_network_security_rule", "n2", {"network_security_group_name": "nsg", "resource_group_name": "rg"}, {}), "path": "", "rule": {}}
	n3 := {"resource": res("azurerm_network_security_rule", "n3", {"network_security_group_name": "nsg", "resource_group_name": "rg2"}, {}), "path": "", "rule": {}}
	az.same_nsg(inline_a, inline_b)
	not az.same_nsg(inline_a, other)
	az.same_nsg(inline_a, s1)
	az.same_nsg(s1, inline_a)
	az.same_nsg(s1, s2)
	az.same_nsg(n1, n2)
	not az.same_nsg(n1, n3)
	az.same_nsg(inline_a, n1)
}

test_allowed_protocols if {
	az.allowed_protocols({"protocol": "*"}, {"tcp", "udp", "*"}) == {"tcp", "udp"}
	az.allowed_protocols({"protocol": "Tcp"}, {"tcp", "*"}) == {"tcp"}
}
