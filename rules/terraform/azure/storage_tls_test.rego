package gate.rules.terraform.azure.storage_tls_test

import rego.v1

import data.gate.rules.terraform.azure.storage_tls as rule

acct(name, values) := {
	"address": sprintf("azurerm_storage_account.%s", [name]),
	"config_address": sprintf("azurerm_storage_account.%s", [name]),
	"module": "", "mode": "managed", "type": "azurerm_storage_account", "name": name, "index": null,
	"provider": "azurerm", "action": "create", "values": values, "refs": {},
}

test_tls10_fails if {
	r := rule.deny with input as {"resources": [acct("a", {"min_tls_version": "TLS1_0"})]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_storage_account.a"
	f.attribute == "min_tls_version"
}

test_tls11_fails if {
	r := rule.deny with input as {"resources": [acct("a", {"min_tls_version": "TLS1_1"})]}
	count(r) == 1
}

test_tls12_passes if {
	r := rule.deny with input as {"resources": [acct("a", {"min_tls_version": "TLS1_2"})]}
	count(r) == 0
}

test_absent_is_provider_default_tls12 if {
	r := rule.deny with input as {"resources": [acct("a", {"name": "a"})]}
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as {"resources": [acct("a", {"min_tls_version": "<<unknown>>"})]}
	count(r) == 0
}
