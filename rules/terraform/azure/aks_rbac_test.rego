package gate.rules.terraform.azure.aks_rbac_test

import rego.v1

import data.gate.rules.terraform.azure.aks_rbac as rule

aks(name, values) := {
	"address": sprintf("azurerm_kubernetes_cluster.%s", [name]),
	"config_address": sprintf("azurerm_kubernetes_cluster.%s", [name]),
	"module": "", "mode": "managed", "type": "azurerm_kubernetes_cluster", "name": name, "index": null,
	"provider": "azurerm", "action": "create", "values": values, "refs": {},
}

test_disabled_fails if {
	r := rule.deny with input as {"resources": [aks("k", {"role_based_access_control_enabled": false})]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_kubernetes_cluster.k"
	f.attribute == "role_based_access_control_enabled"
}

test_v2_block_disabled_fails if {
	r := rule.deny with input as {"resources": [aks("k", {"role_based_access_control": [{"enabled": false}]})]}
	count(r) == 1
	some f in r
	f.attribute == "role_based_access_control[0].enabled"
}

test_absent_defaults_to_enabled if {
	r := rule.deny with input as {"resources": [aks("k", {"name": "k"})]}
	count(r) == 0
}

test_enabled_passes if {
	r := rule.deny with input as {"resources": [aks("k", {"role_based_access_control_enabled": true, "role_based_access_control": [{"enabled": true}]})]}
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as {"resources": [aks("k", {"role_based_access_control_enabled": "<<unknown>>", "role_based_access_control": [{"enabled": "<<unknown>>"}]})]}
	count(r) == 0
}
