package gate.rules.terraform.azure.postgres_tls_test

import rego.v1

import data.gate.rules.terraform.azure.postgres_tls as rule

res(type, name, values) := {
	"address": sprintf("%s.%s", [type, name]),
	"config_address": sprintf("%s.%s", [type, name]),
	"module": "", "mode": "managed", "type": type, "name": name, "index": null,
	"provider": "azurerm", "action": "create", "values": values, "refs": {},
}

cfg(name, key, value) := res("azurerm_postgresql_flexible_server_configuration", name, {"name": key, "value": value, "server_id": "<<unknown>>"})

test_secure_transport_off_fails if {
	r := rule.deny with input as {"resources": [cfg("c", "require_secure_transport", "off")]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_postgresql_flexible_server_configuration.c"
	f.attribute == "value"
}

test_secure_transport_on_passes if {
	r := rule.deny with input as {"resources": [cfg("c", "require_secure_transport", "on")]}
	count(r) == 0
}

test_weak_protocol_fails if {
	r := rule.deny with input as {"resources": [cfg("c", "ssl_min_protocol_version", "TLSv1.1")]}
	count(r) == 1
}

test_tls12_protocol_passes if {
	r := rule.deny with input as {"resources": [cfg("c", "ssl_min_protocol_version", "TLSv1.2")]}
	count(r) == 0
}

test_other_setting_passes if {
	r := rule.deny with input as {"resources": [cfg("c", "log_connections", "off")]}
	count(r) == 0
}

test_unknown_value_passes if {
	r := rule.deny with input as {"resources": [cfg("c", "require_secure_transport", "<<unknown>>"), cfg("d", "<<unknown>>", "off")]}
	count(r) == 0
}

test_single_server_ssl_disabled_fails if {
	r := rule.deny with input as {"resources": [res("azurerm_postgresql_server", "s", {"ssl_enforcement_enabled": false, "ssl_minimal_tls_version_enforced": "TLS1_2"})]}
	count(r) == 1
	some f in r
	f.attribute == "ssl_enforcement_enabled"
}

test_single_server_weak_tls_fails if {
	r := rule.deny with input as {"resources": [res("azurerm_postgresql_server", "s", {"ssl_enforcement_enabled": true, "ssl_minimal_tls_version_enforced": "TLSEnforcementDisabled"})]}
	count(r) == 1
	some f in r
	f.attribute == "ssl_minimal_tls_version_enforced"
}

test_single_server_secure_passes if {
	r := rule.deny with input as {"resources": [res("azurerm_postgresql_server", "s", {"ssl_enforcement_enabled": true})]}
	count(r) == 0
}
