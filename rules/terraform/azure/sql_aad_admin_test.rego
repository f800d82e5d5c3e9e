package gate.rules.terraform.azure.sql_aad_admin_test

import rego.v1

import data.gate.rules.terraform.azure.sql_aad_admin as rule

res(type, name, values, refs) := {
	"address": sprintf("%s.%s", [type, name]),
	"config_address": sprintf("%s.%s", [type, name]),
	"module": "", "mode": "managed", "type": type, "name": name, "index": null,
	"provider": "azurerm", "action": "create", "values": values, "refs": refs,
}

test_no_admin_fails if {
	r := rule.deny with input as {"resources": [res("azurerm_mssql_server", "s", {"name": "s", "azuread_administrator": []}, {})]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_mssql_server.s"
	f.attribute == "azuread_administrator"
}

test_inline_admin_passes if {
	r := rule.deny with input as {"resources": [res("azurerm_mssql_server", "s", {"azuread_administrator": [{"login_username": "admins", "object_id": "<<unknown>>"}]}, {})]}
	count(r) == 0
}

test_unknown_admin_passes if {
	r := rule.deny with input as {"resources": [res("azurerm_mssql_server", "s", {"azuread_administrator": "<<unknown>>"}, {})]}
	count(r) == 0
}

test_legacy_admin_resource_passes if {
	a := res("azurerm_sql_active_directory_administrator", "a", {"server_name": "<<unknown>>"}, {"server_name": ["azurerm_mssql_server.s"]})
	r := rule.deny with input as {"resources": [res("azurerm_mssql_server", "s", {}, {}), a]}
	count(r) == 0
}

test_unresolvable_admin_resource_suppresses if {
	a := res("azurerm_sql_active_directory_administrator", "a", {"server_name": "<<unknown>>"}, {})
	r := rule.deny with input as {"resources": [res("azurerm_mssql_server", "s", {}, {}), a]}
	count(r) == 0
}
