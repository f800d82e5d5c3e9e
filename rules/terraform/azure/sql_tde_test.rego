package gate.rules.terraform.azure.sql_tde_test

import rego.v1

import data.gate.rules.terraform.azure.sql_tde as rule

db(name, values) := {
	"address": sprintf("azurerm_mssql_database.%s", [name]),
	"config_address": sprintf("azurerm_mssql_database.%s", [name]),
	"module": "", "mode": "managed", "type": "azurerm_mssql_database", "name": name, "index": null,
	"provider": "azurerm", "action": "create", "values": values, "refs": {},
}

test_disabled_fails if {
	r := rule.deny with input as {"resources": [db("d", {"transparent_data_encryption_enabled": false})]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_mssql_database.d"
	f.attribute == "transparent_data_encryption_enabled"
}

test_enabled_passes if {
	r := rule.deny with input as {"resources": [db("d", {"transparent_data_encryption_enabled": true})]}
	count(r) == 0
}

test_absent_defaults_to_enabled if {
	r := rule.deny with input as {"resources": [db("d", {"name": "d"})]}
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as {"resources": [db("d", {"transparent_data_encryption_enabled": "<<unknown>>"})]}
	count(r) == 0
}
