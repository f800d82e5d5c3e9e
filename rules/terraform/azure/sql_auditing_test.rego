package gate.rules.terraform.azure.sql_auditing_test

import rego.v1

import data.gate.rules.terraform.azure.sql_auditing as rule

res(type, name, values, refs) := {
	"address": sprintf("%s.%s", [type, name]),
	"config_address": sprintf("%s.%s", [type, name]),
	"module": "", "mode": "managed", "type": type, "name": name, "index": null,
	"provider": "azurerm", "action": "create", "values": values, "refs": refs,
}

srv(name) := res("azurerm_mssql_server", name, {"name": name}, {})

policy(name, server, values) := res(
	"azurerm_mssql_server_extended_auditing_policy", name,
	object.union({"server_id": "<<unknown>>"}, values),
	{"server_id": [sprintf("azurerm_mssql_server.%s", [server])]},
)

test_no_policy_fails if {
	r := rule.deny with input as {"resources": [srv("a")]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_mssql_server.a"
}

test_policy_by_ref_passes if {
	r := rule.deny with input as {"resources": [srv("a"), policy("p", "a", {"log_monitoring_enabled": true})]}
	count(r) == 0
}

test_policy_for_other_server_fails if {
	r := rule.deny with input as {"resources": [srv("a"), srv("b"), policy("p", "b", {})]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_mssql_server.a"
}

test_disabled_policy_fails if {
	r := rule.deny with input as {"resources": [srv("a"), policy("p", "a", {"enabled": false})]}
	count(r) == 1
	some f in r
	contains(f.msg, "enabled = false")
}

test_unknown_enabled_passes if {
	r := rule.deny with input as {"resources": [srv("a"), policy("p", "a", {"enabled": "<<unknown>>"})]}
	count(r) == 0
}

test_unresolvable_policy_suppresses if {
	p := res("azurerm_mssql_server_extended_auditing_policy", "p", {"server_id": "<<unknown>>"}, {})
	r := rule.deny with input as {"resources": [srv("a"), p]}
	count(r) == 0
}

test_legacy_inline_block_passes if {
	s := res("azurerm_mssql_server", "a", {"extended_auditing_policy": [{"storage_endpoint": "<<unknown>>"}]}, {})
	r := rule.deny with input as {"resources": [s]}
	count(r) == 0
}

test_policy_by_known_id_passes if {
	s := res("azurerm_mssql_server", "a", {"id": "/subscriptions/1/servers/a"}, {})
	p := res("azurerm_mssql_server_extended_auditing_policy", "p", {"server_id": "/subscriptions/1/servers/a"}, {})
	r := rule.deny with input as {"resources": [s, p]}
	count(r) == 0
}
