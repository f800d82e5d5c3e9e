package gate.rules.terraform.azure.cosmosdb_local_auth_test

import rego.v1

import data.gate.rules.terraform.azure.cosmosdb_local_auth as rule

acct(name, values) := {
	"address": sprintf("azurerm_cosmosdb_account.%s", [name]),
	"config_address": sprintf("azurerm_cosmosdb_account.%s", [name]),
	"module": "", "mode": "managed", "type": "azurerm_cosmosdb_account", "name": name, "index": null,
	"provider": "azurerm", "action": "create", "values": values, "refs": {},
}

test_absent_fails if {
	r := rule.deny with input as {"resources": [acct("c", {"name": "c"})]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_cosmosdb_account.c"
	f.attribute == "local_authentication_disabled"
}

test_false_fails if {
	r := rule.deny with input as {"resources": [acct("c", {"local_authentication_disabled": false})]}
	count(r) == 1
}

test_disabled_passes if {
	r := rule.deny with input as {"resources": [acct("c", {"local_authentication_disabled": true})]}
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as {"resources": [acct("c", {"local_authentication_disabled": "<<unknown>>"})]}
	count(r) == 0
}
