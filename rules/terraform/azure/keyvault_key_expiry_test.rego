package gate.rules.terraform.azure.keyvault_key_expiry_test

import rego.v1

import data.gate.rules.terraform.azure.keyvault_key_expiry as rule

key(name, values) := {
	"address": sprintf("azurerm_key_vault_key.%s", [name]),
	"config_address": sprintf("azurerm_key_vault_key.%s", [name]),
	"module": "", "mode": "managed", "type": "azurerm_key_vault_key", "name": name, "index": null,
	"provider": "azurerm", "action": "create", "values": values, "refs": {},
}

test_no_expiry_fails if {
	r := rule.deny with input as {"resources": [key("k", {"name": "k", "key_type": "RSA", "rotation_policy": []})]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_key_vault_key.k"
	f.attribute == "expiration_date"
}

test_expiry_passes if {
	r := rule.deny with input as {"resources": [key("k", {"expiration_date": "2026-12-31T00:00:00Z"})]}
	count(r) == 0
}

test_unknown_expiry_passes if {
	r := rule.deny with input as {"resources": [key("k", {"expiration_date": "<<unknown>>"})]}
	count(r) == 0
}

test_rotation_policy_expiry_passes if {
	r := rule.deny with input as {"resources": [key("k", {"rotation_policy": [{"expire_after": "P90D"}]})]}
	count(r) == 0
}

test_rotation_policy_without_expiry_fails if {
	r := rule.deny with input as {"resources": [key("k", {"rotation_policy": [{"notify_before_expiry": "P29D", "expire_after": null}]})]}
	count(r) == 1
}

test_unknown_rotation_policy_passes if {
	r := rule.deny with input as {"resources": [key("k", {"rotation_policy": "<<unknown>>"})]}
	count(r) == 0
}
