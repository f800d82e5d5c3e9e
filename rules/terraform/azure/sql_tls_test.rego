package gate.rules.terraform.azure.sql_tls_test

import rego.v1

import data.gate.rules.terraform.azure.sql_tls as rule

srv(name, values) := {
	"address": sprintf("azurerm_mssql_server.%s", [name]),
	"config_address": sprintf("azurerm_mssql_server.%s", [name]),
	"module": "", "mode": "managed", "type": "azurerm_mssql_server", "name": name, "index": null,
	"provider": "azurerm", "action": "create", "values": values, "refs": {},
}

test_tls10_fails if {
	r := rule.deny with input as {"resources": [srv("s", {"minimum_tls_version": "1.0"})]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_mssql_server.s"
	f.attribute == "minimum_tls_version"
}

test_disabled_fails if {
	r := rule.deny with input as {"resources": [srv("s", {"minimum_tls_version": "Disabled"})]}
	count(r) == 1
}

test_tls12_passes if {
	r := rule.deny with input as {"resources": [srv("s", {"minimum_tls_version": "1.2"})]}
	count(r) == 0
}

test_absent_is_default_tls12 if {
	r := rule.deny with input as {"resources": [srv("s", {"name": "s"})]}
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as {"resources": [srv("s", {"minimum_tls_version": "<<unknown>>"})]}
	count(r) == 0
}
