package gate.rules.terraform.azure.appservice_ftps_test

import rego.v1

import data.gate.rules.terraform.azure.appservice_ftps as rule

app(type, name, values) := {
	"address": sprintf("%s.%s", [type, name]),
	"config_address": sprintf("%s.%s", [type, name]),
	"module": "", "mode": "managed", "type": type, "name": name, "index": null,
	"provider": "azurerm", "action": "create", "values": values, "refs": {},
}

test_all_allowed_fails if {
	r := rule.deny with input as {"resources": [app("azurerm_windows_web_app", "w", {"site_config": [{"ftps_state": "AllAllowed"}]})]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_windows_web_app.w"
	f.attribute == "site_config[0].ftps_state"
}

test_legacy_all_allowed_fails if {
	r := rule.deny with input as {"resources": [app("azurerm_function_app", "f", {"site_config": [{"ftps_state": "AllAllowed"}]})]}
	count(r) == 1
}

test_ftps_only_and_disabled_pass if {
	r := rule.deny with input as {"resources": [
		app("azurerm_linux_web_app", "a", {"site_config": [{"ftps_state": "FtpsOnly"}]}),
		app("azurerm_linux_web_app", "b", {"site_config": [{"ftps_state": "Disabled"}]}),
	]}
	count(r) == 0
}

test_absent_passes if {
	r := rule.deny with input as {"resources": [app("azurerm_linux_web_app", "a", {"site_config": [{}]}), app("azurerm_app_service", "b", {})]}
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as {"resources": [app("azurerm_linux_web_app", "a", {"site_config": [{"ftps_state": "<<unknown>>"}]})]}
	count(r) == 0
}
