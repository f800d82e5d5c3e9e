package gate.rules.terraform.azure.sql_firewall_open_test

import rego.v1

import data.gate.rules.terraform.azure.sql_firewall_open as rule

fw(type, name, start, end) := {
	"address": sprintf("%s.%s", [type, name]),
	"config_address": sprintf("%s.%s", [type, name]),
	"module": "", "mode": "managed", "type": type, "name": name, "index": null,
	"provider": "azurerm", "action": "create",
	"values": {"name": name, "server_id": "<<unknown>>", "start_ip_address": start, "end_ip_address": end},
	"refs": {},
}

test_all_addresses_fails if {
	r := rule.deny with input as {"resources": [fw("azurerm_mssql_firewall_rule", "all", "0.0.0.0", "255.255.255.255")]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_mssql_firewall_rule.all"
	f.attribute == "start_ip_address"
}

test_legacy_resource_fails if {
	r := rule.deny with input as {"resources": [fw("azurerm_sql_firewall_rule", "all", "1.0.0.0", "255.255.255.254")]}
	count(r) == 1
}

test_azure_services_rule_passes if {
	r := rule.deny with input as {"resources": [fw("azurerm_mssql_firewall_rule", "azure", "0.0.0.0", "0.0.0.0")]}
	count(r) == 0
}

test_office_range_passes if {
	r := rule.deny with input as {"resources": [fw("azurerm_mssql_firewall_rule", "office", "203.0.113.0", "203.0.113.255")]}
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as {"resources": [fw("azurerm_mssql_firewall_rule", "x", "0.0.0.0", "<<unknown>>")]}
	count(r) == 0
}
