package gate.rules.terraform.azure.postgres_firewall_open_test

import rego.v1

import data.gate.rules.terraform.azure.postgres_firewall_open as rule

fw(type, name, start, end) := {
	"address": sprintf("%s.%s", [type, name]),
	"config_address": sprintf("%s.%s", [type, name]),
	"module": "", "mode": "managed", "type": type, "name": name, "index": null,
	"provider": "azurerm", "action": "create",
	"values": {"name": name, "start_ip_address": start, "end_ip_address": end},
	"refs": {},
}

test_flexible_all_fails if {
	r := rule.deny with input as {"resources": [fw("azurerm_postgresql_flexible_server_firewall_rule", "all", "0.0.0.0", "255.255.255.255")]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_postgresql_flexible_server_firewall_rule.all"
}

test_single_server_all_fails if {
	r := rule.deny with input as {"resources": [fw("azurerm_postgresql_firewall_rule", "all", "0.0.0.0", "255.255.255.255")]}
	count(r) == 1
}

test_azure_services_passes if {
	r := rule.deny with input as {"resources": [fw("azurerm_postgresql_flexible_server_firewall_rule", "azure", "0.0.0.0", "0.0.0.0")]}
	count(r) == 0
}

test_narrow_passes if {
	r := rule.deny with input as {"resources": [fw("azurerm_postgresql_flexible_server_firewall_rule", "vpn", "198.51.100.0", "198.51.100.255")]}
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as {"resources": [fw("azurerm_postgresql_flexible_server_firewall_rule", "x", "<<unknown>>", "255.255.255.255")]}
	count(r) == 0
}
