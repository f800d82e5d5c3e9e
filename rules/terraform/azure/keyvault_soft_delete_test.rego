package gate.rules.terraform.azure.keyvault_soft_delete_test

import rego.v1

import data.gate.rules.terraform.azure.keyvault_soft_delete as rule

kv(name, values) := {
	"address": sprintf("azurerm_key_vault.%s", [name]),
	"config_address": sprintf("azurerm_key_vault.%s", [name]),
	"module": "", "mode": "managed", "type": "azurerm_key_vault", "name": name, "index": null,
	"provider": "azurerm", "action": "create", "values": values, "refs": {},
}

test_below_param_fails if {
	r := rule.deny with input as {"resources": [kv("a", {"soft_delete_retention_days": 30})]}
		with data.gate_config.params as {"GATE-AZ-KV-002": {"min_days": 90}}
	count(r) == 1
	some f in r
	f.resource == "azurerm_key_vault.a"
	f.attribute == "soft_delete_retention_days"
}

test_string_number_below_param_fails if {
	r := rule.deny with input as {"resources": [kv("a", {"soft_delete_retention_days": "30"})]}
		with data.gate_config.params as {"GATE-AZ-KV-002": {"min_days": 90}}
	count(r) == 1
}

test_default_param_accepts_seven if {
	r := rule.deny with input as {"resources": [kv("a", {"soft_delete_retention_days": 7})]}
	count(r) == 0
}

test_below_default_fails if {
	r := rule.deny with input as {"resources": [kv("a", {"soft_delete_retention_days": 5})]}
	count(r) == 1
}

test_absent_is_default_90 if {
	r := rule.deny with input as {"resources": [kv("a", {"name": "a"})]}
		with data.gate_config.params as {"GATE-AZ-KV-002": {"min_days": 90}}
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as {"resources": [kv("a", {"soft_delete_retention_days": "<<unknown>>"})]}
		with data.gate_config.params as {"GATE-AZ-KV-002": {"min_days": 90}}
	count(r) == 0
}

test_legacy_soft_delete_disabled_fails if {
	r := rule.deny with input as {"resources": [kv("a", {"soft_delete_enabled": false})]}
	count(r) == 1
	some f in r
	f.attribute == "soft_delete_enabled"
}
