package gate.rules.terraform.azure.acr_public_access_test

import rego.v1

import data.gate.rules.terraform.azure.acr_public_access as rule

acr(name, values) := {
	"address": sprintf("azurerm_container_registry.%s", [name]),
	"config_address": sprintf("azurerm_container_registry.%s", [name]),
	"module": "", "mode": "managed", "type": "azurerm_container_registry", "name": name, "index": null,
	"provider": "azurerm", "action": "create", "values": values, "refs": {},
}

test_defaults_fail if {
	r := rule.deny with input as {"resources": [acr("r", {"sku": "Basic"})]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_container_registry.r"
	f.attribute == "public_network_access_enabled"
}

test_rule_set_allow_fails if {
	r := rule.deny with input as {"resources": [acr("r", {"sku": "Premium", "network_rule_set": [{"default_action": "Allow", "ip_rule": []}]})]}
	count(r) == 1
	some f in r
	f.attribute == "network_rule_set[0].default_action"
}

test_rule_set_deny_passes if {
	r := rule.deny with input as {"resources": [acr("r", {"sku": "Premium", "network_rule_set": [{"default_action": "Deny", "ip_rule": [{"action": "Allow", "ip_range": "203.0.113.0/24"}]}]})]}
	count(r) == 0
}

test_public_disabled_passes if {
	r := rule.deny with input as {"resources": [acr("r", {"sku": "Premium", "public_network_access_enabled": false})]}
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as {"resources": [
		acr("a", {"network_rule_set": "<<unknown>>"}),
		acr("b", {"public_network_access_enabled": "<<unknown>>"}),
		acr("c", {"network_rule_set": [{"default_action": "<<unknown>>"}]}),
	]}
	count(r) == 0
}
