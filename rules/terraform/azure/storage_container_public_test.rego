package gate.rules.terraform.azure.storage_container_public_test

import rego.v1

import data.gate.rules.terraform.azure.storage_container_public as rule

res(type, name, values, refs) := {
	"address": sprintf("%s.%s", [type, name]),
	"config_address": sprintf("%s.%s", [type, name]),
	"module": "", "mode": "managed", "type": type, "name": name, "index": null,
	"provider": "azurerm", "action": "create", "values": values, "refs": refs,
}

cont(name, access) := res("azurerm_storage_container", name, {"container_access_type": access, "storage_account_id": "<<unknown>>"}, {"storage_account_id": ["azurerm_storage_account.a"]})

test_blob_fails if {
	r := rule.deny with input as {"resources": [cont("c", "blob")]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_storage_container.c"
	f.attribute == "container_access_type"
}

test_container_fails_with_permissive_account if {
	a := res("azurerm_storage_account", "a", {"allow_nested_items_to_be_public": true}, {})
	r := rule.deny with input as {"resources": [a, cont("c", "container")]}
	count(r) == 1
}

test_private_passes if {
	r := rule.deny with input as {"resources": [cont("c", "private")]}
	count(r) == 0
}

test_absent_passes if {
	c := res("azurerm_storage_container", "c", {"name": "c"}, {})
	r := rule.deny with input as {"resources": [c]}
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as {"resources": [cont("c", "<<unknown>>")]}
	count(r) == 0
}

test_account_blocking_public_passes if {
	a := res("azurerm_storage_account", "a", {"allow_nested_items_to_be_public": false}, {})
	r := rule.deny with input as {"resources": [a, cont("c", "blob")]}
	count(r) == 0
}

test_account_unknown_setting_passes if {
	a := res("azurerm_storage_account", "a", {"allow_nested_items_to_be_public": "<<unknown>>"}, {})
	r := rule.deny with input as {"resources": [a, cont("c", "blob")]}
	count(r) == 0
}

test_v3_join_by_name_value if {
	a := res("azurerm_storage_account", "a", {"name": "acct1", "allow_blob_public_access": false}, {})
	c := res("azurerm_storage_container", "c", {"container_access_type": "blob", "storage_account_name": "acct1"}, {})
	r := rule.deny with input as {"resources": [a, c]}
	count(r) == 0
}
