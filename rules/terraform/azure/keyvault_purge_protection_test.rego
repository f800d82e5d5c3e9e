package gate.rules.terraform.azure.keyvault_purge_protection_test

import rego.v1

import data.gate.rules.terraform.azure.keyvault_purge_protection as rule

kv(name, values) := {
	"address": sprintf("azurerm_key_vault.%s", [name]),
	"config_address": sprintf("azurerm_key_vault.%s", [name]),
	"module": "", "mode": "managed", "type": "azurerm_key_vault", "name": name, "index": null,
	"provider": "azurerm", "action": "create", "values": values, "refs": {},
}

test_absent_fails if {
	r := rule.deny with input as {"resources": [kv("a", {"name": "a"})]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_key_vault.a"
	f.attribute == "purge_protection_enabled"
}

test_false_fails if {
	r := rule.deny with input as {"resources": [kv("a", {"purge_protection_enabled": false})]}
	count(r) == 1
}

test_true_passes if {
	r := rule.deny with input as {"resources": [kv("a", {"purge_protection_enabled": true})]}
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as {"resources": [kv("a", {"purge_protection_enabled": "<<unknown>>"})]}
	count(r) == 0
}

test_data_source_ignored if {
	d := object.union(kv("a", {}), {"mode": "data", "address": "data.azurerm_key_vault.a"})
	r := rule.deny with input as {"resources": [d]}
	count(r) == 0
}
