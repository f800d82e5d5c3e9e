package gate.rules.terraform.azure.postgres_geo_backup_test

import rego.v1

import data.gate.rules.terraform.azure.postgres_geo_backup as rule

res(type, name, values) := {
	"address": sprintf("%s.%s", [type, name]),
	"config_address": sprintf("%s.%s", [type, name]),
	"module": "", "mode": "managed", "type": type, "name": name, "index": null,
	"provider": "azurerm", "action": "create", "values": values, "refs": {},
}

test_absent_fails if {
	r := rule.deny with input as {"resources": [res("azurerm_postgresql_flexible_server", "p", {"name": "p"})]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_postgresql_flexible_server.p"
	f.attribute == "geo_redundant_backup_enabled"
}

test_single_server_false_fails if {
	r := rule.deny with input as {"resources": [res("azurerm_postgresql_server", "p", {"geo_redundant_backup_enabled": false})]}
	count(r) == 1
}

test_enabled_passes if {
	r := rule.deny with input as {"resources": [res("azurerm_postgresql_flexible_server", "p", {"geo_redundant_backup_enabled": true})]}
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as {"resources": [res("azurerm_postgresql_flexible_server", "p", {"geo_redundant_backup_enabled": "<<unknown>>"})]}
	count(r) == 0
}
