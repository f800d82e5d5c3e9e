package gate.rules.terraform.azure.redis_tls_test

import rego.v1

import data.gate.rules.terraform.azure.redis_tls as rule

redis(name, values) := {
	"address": sprintf("azurerm_redis_cache.%s", [name]),
	"config_address": sprintf("azurerm_redis_cache.%s", [name]),
	"module": "", "mode": "managed", "type": "azurerm_redis_cache", "name": name, "index": null,
	"provider": "azurerm", "action": "create", "values": values, "refs": {},
}

test_tls10_fails if {
	r := rule.deny with input as {"resources": [redis("c", {"minimum_tls_version": "1.0"})]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_redis_cache.c"
	f.attribute == "minimum_tls_version"
}

test_absent_is_provider_default_10 if {
	r := rule.deny with input as {"resources": [redis("c", {"name": "c"})]}
	count(r) == 1
}

test_tls12_passes if {
	r := rule.deny with input as {"resources": [redis("c", {"minimum_tls_version": "1.2"})]}
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as {"resources": [redis("c", {"minimum_tls_version": "<<unknown>>"})]}
	count(r) == 0
}
