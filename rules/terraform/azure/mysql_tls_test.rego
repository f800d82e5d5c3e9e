package gate.rules.terraform.azure.mysql_tls_test

import rego.v1

import data.gate.rules.terraform.azure.mysql_tls as rule

res(type, name, values) := {
	"address": sprintf("%s.%s", [type, name]),
	"config_address": sprintf("%s.%s", [type, name]),
	"module": "", "mode": "managed", "type": type, "name": name, "index": null,
	"provider": "azurerm", "action": "create", "values": values, "refs": {},
}

cfg(name, key, value) := res("azurerm_mysql_flexible_server_configuration", name, {"name": key, "value": value, "server_name": "<<unknown>>"})

test_secure_transport_off_fails if {
	r := rule.deny with input as {"resources": [cfg("c", "require_secure_transport", "OFF")]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_mysql_flexible_server_configuration.c"
	f.attribute == "value"
}

test_secure_transport_on_passes if {
	r := rule.deny with input as {"resources": [cfg("c", "require_secure_transport", "ON")]}
	count(r) == 0
}

test_tls_version_with_tls10_fails if {
	r := rule.deny with input as {"resources": [cfg("c", "tls_version", "TLSv1,TLSv1.1,TLSv1.2")]}
	count(r) == 1
}

test_tls_version_12_13_passes if {
	r := rule.deny with input as {"resources": [cfg("c", "tls_version", "TLSv1.2, TLSv1.3")]}
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as {"resources": [cfg("c", "tls_version", "<<unknown>>"), cfg("d", "require_secure_transport", "<<unknown>>")]}
	count(r) == 0
}

test_single_server_ssl_disabled_fails if {
	r := rule.deny with input as {"resources": [res("azurerm_mysql_server", "s", {"ssl_enforcement_enabled": false})]}
	count(r) == 1
	some f in r
	f.attribute == "ssl_enforcement_enabled"
}

test_single_server_weak_tls_fails if {
	r := rule.deny with input as {"resources": [res("azurerm_mysql_server", "s", {"ssl_enforcement_enabled": true, "ssl_minimal_tls_version_enforced": "TLS1_1"})]}
	count(r) == 1
}

test_single_server_secure_passes if {
	r := rule.deny with input as {"resources": [res("azurerm_mysql_server", "s", {"ssl_enforcement_enabled": true, "ssl_minimal_tls_version_enforced": "TLS1_2"})]}
	count(r) == 0
}
