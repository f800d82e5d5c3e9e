package gate.rules.terraform.azure.acr_admin_test

import rego.v1

import data.gate.rules.terraform.azure.acr_admin as rule

acr(name, values) := {
	"address": sprintf("azurerm_container_registry.%s", [name]),
	"config_address": sprintf("azurerm_container_registry.%s", [name]),
	"module": "", "mode": "managed", "type": "azurerm_container_registry", "name": name, "index": null,
	"provider": "azurerm", "action": "create", "values": values, "refs": {},
}

test_admin_enabled_fails if {
	r := rule.deny with input as {"resources": [acr("r", {"admin_enabled": true})]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_container_registry.r"
	f.attribute == "admin_enabled"
}

test_admin_disabled_passes if {
	r := rule.deny with input as {"resources": [acr("r", {"admin_enabled": false})]}
	count(r) == 0
}

test_absent_passes if {
	r := rule.deny with input as {"resources": [acr("r", {"name": "r"})]}
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as {"resources": [acr("r", {"admin_enabled": "<<unknown>>"})]}
	count(r) == 0
}
