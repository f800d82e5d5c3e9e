package gate.rules.terraform.azure.appservice_https_only_test

import rego.v1

import data.gate.rules.terraform.azure.appservice_https_only as rule

app(type, name, values) := {
	"address": sprintf("%s.%s", [type, name]),
	"config_address": sprintf("%s.%s", [type, name]),
	"module": "", "mode": "managed", "type": type, "name": name, "index": null,
	"provider": "azurerm", "action": "create", "values": values, "refs": {},
}

test_absent_fails if {
	r := rule.deny with input as {"resources": [app("azurerm_linux_web_app", "w", {"name": "w"})]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_linux_web_app.w"
	f.attribute == "https_only"
}

test_false_on_function_app_fails if {
	r := rule.deny with input as {"resources": [app("azurerm_windows_function_app", "f", {"https_only": false})]}
	count(r) == 1
}

test_legacy_app_service_fails if {
	r := rule.deny with input as {"resources": [app("azurerm_app_service", "a", {"https_only": false})]}
	count(r) == 1
}

test_true_passes if {
	r := rule.deny with input as {"resources": [app("azurerm_linux_web_app", "w", {"https_only": true}), app("azurerm_linux_web_app_slot", "s", {"https_only": true})]}
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as {"resources": [app("azurerm_linux_web_app", "w", {"https_only": "<<unknown>>"})]}
	count(r) == 0
}

test_other_type_ignored if {
	r := rule.deny with input as {"resources": [app("azurerm_service_plan", "p", {})]}
	count(r) == 0
}
