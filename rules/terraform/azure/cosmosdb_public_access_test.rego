package gate.rules.terraform.azure.cosmosdb_public_access_test

import rego.v1

import data.gate.rules.terraform.azure.cosmosdb_public_access as rule

acct(name, values) := {
	"address": sprintf("azurerm_cosmosdb_account.%s", [name]),
	"config_address": sprintf("azurerm_cosmosdb_account.%s", [name]),
	"module": "", "mode": "managed", "type": "azurerm_cosmosdb_account", "name": name, "index": null,
	"provider": "azurerm", "action": "create", "values": values, "refs": {},
}

test_open_defaults_fail if {
	r := rule.deny with input as {"resources": [acct("c", {"name": "c"})]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_cosmosdb_account.c"
	f.attribute == "public_network_access_enabled"
}

test_plan_shape_open_fails if {
	r := rule.deny with input as {"resources": [acct("c", {"public_network_access_enabled": true, "is_virtual_network_filter_enabled": false, "ip_range_filter": []})]}
	count(r) == 1
}

test_v3_empty_string_filter_fails if {
	r := rule.deny with input as {"resources": [acct("c", {"ip_range_filter": ""})]}
	count(r) == 1
}

test_public_disabled_passes if {
	r := rule.deny with input as {"resources": [acct("c", {"public_network_access_enabled": false})]}
	count(r) == 0
}

test_ip_filter_passes if {
	r := rule.deny with input as {"resources": [acct("c", {"ip_range_filter": ["203.0.113.0/24"]}), acct("d", {"ip_range_filter": "203.0.113.7"})]}
	count(r) == 0
}

test_vnet_filter_passes if {
	r := rule.deny with input as {"resources": [acct("c", {"is_virtual_network_filter_enabled": true})]}
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as {"resources": [
		acct("a", {"public_network_access_enabled": "<<unknown>>"}),
		acct("b", {"ip_range_filter": "<<unknown>>"}),
		acct("c", {"is_virtual_network_filter_enabled": "<<unknown>>"}),
	]}
	count(r) == 0
}
