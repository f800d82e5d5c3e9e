package gate.rules.terraform.azure.keyvault_network_acls_test

import rego.v1

import data.gate.rules.terraform.azure.keyvault_network_acls as rule

kv(name, values) := {
	"address": sprintf("azurerm_key_vault.%s", [name]),
	"config_address": sprintf("azurerm_key_vault.%s", [name]),
	"module": "", "mode": "managed", "type": "azurerm_key_vault", "name": name, "index": null,
	"provider": "azurerm", "action": "create", "values": values, "refs": {},
}

test_allow_fails if {
	r := rule.deny with input as {"resources": [kv("a", {"network_acls": [{"default_action": "Allow", "bypass": "AzureServices"}]})]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_key_vault.a"
	f.attribute == "network_acls[0].default_action"
}

test_absent_acls_fails if {
	r := rule.deny with input as {"resources": [kv("a", {"name": "a"})]}
	count(r) == 1
	some f in r
	f.attribute == "network_acls"
}

test_deny_passes if {
	r := rule.deny with input as {"resources": [kv("a", {"network_acls": [{"default_action": "Deny", "bypass": "AzureServices"}]})]}
	count(r) == 0
}

test_public_disabled_passes if {
	r := rule.deny with input as {"resources": [kv("a", {"public_network_access_enabled": false})]}
	count(r) == 0
}

test_unknown_acls_passes if {
	r := rule.deny with input as {"resources": [
		kv("a", {"network_acls": "<<unknown>>"}),
		kv("b", {"network_acls": [{"default_action": "<<unknown>>"}]}),
		kv("c", {"public_network_access_enabled": "<<unknown>>"}),
	]}
	count(r) == 0
}
