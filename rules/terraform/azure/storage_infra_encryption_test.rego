package gate.rules.terraform.azure.storage_infra_encryption_test

import rego.v1

import data.gate.rules.terraform.azure.storage_infra_encryption as rule

acct(name, values) := {
	"address": sprintf("azurerm_storage_account.%s", [name]),
	"config_address": sprintf("azurerm_storage_account.%s", [name]),
	"module": "", "mode": "managed", "type": "azurerm_storage_account", "name": name, "index": null,
	"provider": "azurerm", "action": "create", "values": values, "refs": {},
}

test_absent_fails if {
	r := rule.deny with input as {"resources": [acct("a", {"name": "a"})]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_storage_account.a"
	f.attribute == "infrastructure_encryption_enabled"
}

test_false_fails if {
	r := rule.deny with input as {"resources": [acct("a", {"infrastructure_encryption_enabled": false, "account_kind": "StorageV2"})]}
	count(r) == 1
}

test_true_passes if {
	r := rule.deny with input as {"resources": [acct("a", {"infrastructure_encryption_enabled": true})]}
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as {"resources": [acct("a", {"infrastructure_encryption_enabled": "<<unknown>>"})]}
	count(r) == 0
}

test_unsupported_kind_not_judged if {
	r := rule.deny with input as {"resources": [
		acct("v1", {"account_kind": "Storage"}),
		acct("blob", {"account_kind": "BlobStorage"}),
		acct("u", {"account_kind": "<<unknown>>"}),
	]}
	count(r) == 0
}

test_premium_blockblob_judged if {
	r := rule.deny with input as {"resources": [acct("a", {"account_kind": "BlockBlobStorage", "account_tier": "Premium"})]}
	count(r) == 1
}
