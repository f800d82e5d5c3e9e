package gate.rules.terraform.azure.aks_local_accounts_test

import rego.v1

import data.gate.rules.terraform.azure.aks_local_accounts as rule

aks(name, values) := {
	"address": sprintf("azurerm_kubernetes_cluster.%s", [name]),
	"config_address": sprintf("azurerm_kubernetes_cluster.%s", [name]),
	"module": "", "mode": "managed", "type": "azurerm_kubernetes_cluster", "name": name, "index": null,
	"provider": "azurerm", "action": "create", "values": values, "refs": {},
}

test_absent_fails if {
	r := rule.deny with input as {"resources": [aks("k", {"name": "k"})]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_kubernetes_cluster.k"
	f.attribute == "local_account_disabled"
}

test_false_fails if {
	r := rule.deny with input as {"resources": [aks("k", {"local_account_disabled": false})]}
	count(r) == 1
}

test_disabled_passes if {
	r := rule.deny with input as {"resources": [aks("k", {"local_account_disabled": true})]}
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as {"resources": [aks("k", {"local_account_disabled": "<<unknown>>"})]}
	count(r) == 0
}
