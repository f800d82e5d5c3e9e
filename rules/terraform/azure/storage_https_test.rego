package gate.rules.terraform.azure.storage_https_test

import rego.v1

import data.gate.rules.terraform.azure.storage_https as rule

acct(name, values) := {
	"address": sprintf("azurerm_storage_account.%s", [name]),
	"config_address": sprintf("azurerm_storage_account.%s", [name]),
	"module": "", "mode": "managed", "type": "azurerm_storage_account", "name": name, "index": null,
	"provider": "azurerm", "action": "create", "values": values, "refs": {},
}

test_v4_false_fails if {
	r := rule.deny with input as {"resources": [acct("a", {"https_traffic_only_enabled": false})]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_storage_account.a"
	f.attribute == "https_traffic_only_enabled"
}

test_v3_false_fails if {
	r := rule.deny with input as {"resources": [acct("a", {"enable_https_traffic_only": false, "https_traffic_only_enabled": "<<unknown>>"})]}
	count(r) == 1
	some f in r
	f.attribute == "enable_https_traffic_only"
}

test_true_passes if {
	r := rule.deny with input as {"resources": [acct("a", {"https_traffic_only_enabled": true, "enable_https_traffic_only": true})]}
	count(r) == 0
}

test_absent_defaults_to_true if {
	r := rule.deny with input as {"resources": [acct("a", {"name": "a"})]}
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as {"resources": [acct("a", {"https_traffic_only_enabled": "<<unknown>>"})]}
	count(r) == 0
}

test_data_source_ignored if {
	d := object.union(acct("a", {"https_traffic_only_enabled": false}), {"mode": "data", "address": "data.azurerm_storage_account.a"})
	r := rule.deny with input as {"resources": [d]}
	count(r) == 0
}
