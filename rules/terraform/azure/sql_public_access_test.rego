package gate.rules.terraform.azure.sql_public_access_test

import rego.v1

import data.gate.rules.terraform.azure.sql_public_access as rule

srv(name, values) := {
	"address": sprintf("azurerm_mssql_server.%s", [name]),
	"config_address": sprintf("azurerm_mssql_server.%s", [name]),
	"module": "", "mode": "managed", "type": "azurerm_mssql_server", "name": name, "index": null,
	"provider": "azurerm", "action": "create", "values": values, "refs": {},
}

test_absent_fails if {
	r := rule.deny with input as {"resources": [srv("s", {"name": "s"})]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_mssql_server.s"
	f.attribute == "public_network_access_enabled"
}

test_true_fails if {
	r := rule.deny with input as {"resources": [srv("s", {"public_network_access_enabled": true})]}
	count(r) == 1
}

test_false_passes if {
	r := rule.deny with input as {"resources": [srv("s", {"public_network_access_enabled": false})]}
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as {"resources": [srv("s", {"public_network_access_enabled": "<<unknown>>"})]}
	count(r) == 0
}
