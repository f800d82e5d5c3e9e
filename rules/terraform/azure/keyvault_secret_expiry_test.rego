package gate.rules.terraform.azure.keyvault_secret_expiry_test

import rego.v1

import data.gate.rules.terraform.azure.keyvault_secret_expiry as rule

secret(name, values) := {
	"address": sprintf("azurerm_key_vault_secret.%s", [name]),
	"config_address": sprintf("azurerm_key_vault_secret.%s", [name]),
	"module": "", "mode": "managed", "type": "azurerm_key_vault_secret", "name": name, "index": null,
	"provider": "azurerm", "action": "create", "values": values, "refs": {},
}

test_no_expiry_fails if {
	r := rule.deny with input as {"resources": [secret("s", {"name": "s", "value": "<<sensitive>>", "expiration_date": null})]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_key_vault_secret.s"
	f.attribute == "expiration_date"
}

test_expiry_passes if {
	r := rule.deny with input as {"resources": [secret("s", {"expiration_date": "2026-12-31T00:00:00Z"})]}
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as {"resources": [secret("s", {"expiration_date": "<<unknown>>"})]}
	count(r) == 0
}

test_data_source_ignored if {
	d := object.union(secret("s", {}), {"mode": "data", "address": "data.azurerm_key_vault_secret.s"})
	r := rule.deny with input as {"resources": [d]}
	count(r) == 0
}
