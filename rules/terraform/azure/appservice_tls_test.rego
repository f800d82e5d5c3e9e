package gate.rules.terraform.azure.appservice_tls_test

import rego.v1

import data.gate.rules.terraform.azure.appservice_tls as rule

app(type, name, values) := {
	"address": sprintf("%s.%s", [type, name]),
	"config_address": sprintf("%s.%s", [type, name]),
	"module": "", "mode": "managed", "type": type, "name": name, "index": null,
	"provider": "azurerm", "action": "create", "values": values, "refs": {},
}

test_site_tls10_fails if {
	r := rule.deny with input as {"resources": [app("azurerm_linux_web_app", "w", {"site_config": [{"minimum_tls_version": "1.0"}]})]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_linux_web_app.w"
	f.attribute == "site_config[0].minimum_tls_version"
}

test_scm_tls11_fails if {
	r := rule.deny with input as {"resources": [app("azurerm_windows_function_app", "f", {"site_config": [{"minimum_tls_version": "1.2", "scm_minimum_tls_version": "1.1"}]})]}
	count(r) == 1
	some f in r
	f.attribute == "site_config[0].scm_minimum_tls_version"
}

test_legacy_min_tls_fails if {
	r := rule.deny with input as {"resources": [app("azurerm_app_service", "a", {"site_config": [{"min_tls_version": "1.0"}]})]}
	count(r) == 1
}

test_tls12_passes if {
	r := rule.deny with input as {"resources": [app("azurerm_linux_web_app", "w", {"site_config": [{"minimum_tls_version": "1.2", "scm_minimum_tls_version": "1.2"}]})]}
	count(r) == 0
}

test_absent_passes if {
	r := rule.deny with input as {"resources": [app("azurerm_linux_web_app", "w", {"site_config": [{}]}), app("azurerm_windows_web_app", "v", {})]}
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as {"resources": [
		app("azurerm_linux_web_app", "w", {"site_config": [{"minimum_tls_version": "<<unknown>>"}]}),
		app("azurerm_linux_web_app", "x", {"site_config": "<<unknown>>"}),
	]}
	count(r) == 0
}
