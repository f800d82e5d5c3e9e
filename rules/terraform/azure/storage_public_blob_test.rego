package gate.rules.terraform.azure.storage_public_blob_test

import rego.v1

import data.gate.rules.terraform.azure.storage_public_blob as rule

acct(name, values) := {
	"address": sprintf("azurerm_storage_account.%s", [name]),
	"config_address": sprintf("azurerm_storage_account.%s", [name]),
	"module": "", "mode": "managed", "type": "azurerm_storage_account", "name": name, "index": null,
	"provider": "azurerm", "action": "create", "values": values, "refs": {},
}

test_explicit_true_fails if {
	r := rule.deny with input as {"resources": [acct("a", {"allow_nested_items_to_be_public": true})]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_storage_account.a"
	f.attribute == "allow_nested_items_to_be_public"
}

test_absent_defaults_to_true_fails if {
	r := rule.deny with input as {"resources": [acct("a", {"name": "a"})]}
	count(r) == 1
}

test_v2_true_fails if {
	r := rule.deny with input as {"resources": [acct("a", {"allow_blob_public_access": true})]}
	count(r) == 1
	some f in r
	f.attribute == "allow_blob_public_access"
}

test_v2_false_passes if {
	r := rule.deny with input as {"resources": [acct("a", {"allow_blob_public_access": false})]}
	count(r) == 0
}

test_false_passes if {
	r := rule.deny with input as {"resources": [acct("a", {"allow_nested_items_to_be_public": false})]}
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as {"resources": [acct("a", {"allow_nested_items_to_be_public": "<<unknown>>"})]}
	count(r) == 0
}

test_public_network_disabled_not_judged if {
	r := rule.deny with input as {"resources": [acct("a", {"public_network_access_enabled": false})]}
	count(r) == 0
}

test_filestorage_not_judged if {
	r := rule.deny with input as {"resources": [acct("a", {"account_kind": "FileStorage", "account_tier": "Premium"})]}
	count(r) == 0
}

test_unknown_kind_not_judged if {
	r := rule.deny with input as {"resources": [acct("a", {"account_kind": "<<unknown>>"})]}
	count(r) == 0
}
