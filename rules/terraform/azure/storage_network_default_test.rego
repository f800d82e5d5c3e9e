package gate.rules.terraform.azure.storage_network_default_test

import rego.v1

import data.gate.rules.terraform.azure.storage_network_default as rule

res(type, name, values, refs) := {
	"address": sprintf("%s.%s", [type, name]),
	"config_address": sprintf("%s.%s", [type, name]),
	"module": "", "mode": "managed", "type": type, "name": name, "index": null,
	"provider": "azurerm", "action": "create", "values": values, "refs": refs,
}

acct(name, values) := res("azurerm_storage_account", name, values, {})

test_inline_allow_fails if {
	r := rule.deny with input as {"resources": [acct("a", {"network_rules": [{"default_action": "Allow"}]})]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_storage_account.a"
	f.attribute == "network_rules[0].default_action"
}

test_no_rules_fails if {
	r := rule.deny with input as {"resources": [acct("a", {"name": "a"})]}
	count(r) == 1
	some f in r
	f.attribute == "network_rules"
}

test_empty_rules_list_fails if {
	r := rule.deny with input as {"resources": [acct("a", {"network_rules": []})]}
	count(r) == 1
}

test_inline_deny_passes if {
	r := rule.deny with input as {"resources": [acct("a", {"network_rules": [{"default_action": "Deny", "ip_rules": ["1.2.3.4"]}]})]}
	count(r) == 0
}

test_public_access_disabled_passes if {
	r := rule.deny with input as {"resources": [acct("a", {"public_network_access_enabled": false})]}
	count(r) == 0
}

test_unknown_block_passes if {
	r := rule.deny with input as {"resources": [acct("a", {"network_rules": "<<unknown>>"})]}
	count(r) == 0
}

test_unknown_public_access_passes if {
	r := rule.deny with input as {"resources": [acct("a", {"public_network_access_enabled": "<<unknown>>"})]}
	count(r) == 0
}

test_separate_deny_by_ref_passes if {
	nr := res("azurerm_storage_account_network_rules", "n", {"storage_account_id": "<<unknown>>", "default_action": "Deny"}, {"storage_account_id": ["azurerm_storage_account.a"]})
	r := rule.deny with input as {"resources": [acct("a", {}), nr]}
	count(r) == 0
}

test_separate_allow_by_ref_fails if {
	nr := res("azurerm_storage_account_network_rules", "n", {"storage_account_id": "<<unknown>>", "default_action": "Allow"}, {"storage_account_id": ["azurerm_storage_account.a"]})
	r := rule.deny with input as {"resources": [acct("a", {}), nr]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_storage_account.a"
	f.attribute == ""
}

test_separate_rules_for_other_account_does_not_cover if {
	nr := res("azurerm_storage_account_network_rules", "n", {"storage_account_id": "<<unknown>>", "default_action": "Deny"}, {"storage_account_id": ["azurerm_storage_account.b"]})
	r := rule.deny with input as {"resources": [acct("a", {}), acct("b", {}), nr]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_storage_account.a"
}

test_unresolvable_separate_rules_suppress if {
	nr := res("azurerm_storage_account_network_rules", "n", {"storage_account_id": "<<unknown>>", "default_action": "Deny"}, {})
	r := rule.deny with input as {"resources": [acct("a", {}), nr]}
	count(r) == 0
}
