package gate.rules.terraform.azure.redis_non_ssl_test

import rego.v1

import data.gate.rules.terraform.azure.redis_non_ssl as rule

redis(name, values) := {
	"address": sprintf("azurerm_redis_cache.%s", [name]),
	"config_address": sprintf("azurerm_redis_cache.%s", [name]),
	"module": "", "mode": "managed", "type": "azurerm_redis_cache", "name": name, "index": null,
	"provider": "azurerm", "action": "create", "values": values, "refs": {},
}

test_v4_enabled_fails if {
	r := rule.deny with input as {"resources": [redis("c", {"non_ssl_port_enabled": true})]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_redis_cache.c"
	f.attribute == "non_ssl_port_enabled"
}

test_v3_enabled_fails if {
	r := rule.deny with input as {"resources": [redis("c", {"enable_non_ssl_port": true})]}
	count(r) == 1
	some f in r
	f.attribute == "enable_non_ssl_port"
}

test_disabled_and_absent_pass if {
	r := rule.deny with input as {"resources": [redis("a", {"non_ssl_port_enabled": false}), redis("b", {"name": "b"})]}
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as {"resources": [redis("c", {"non_ssl_port_enabled": "<<unknown>>"})]}
	count(r) == 0
}
