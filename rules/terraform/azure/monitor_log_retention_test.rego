package gate.rules.terraform.azure.monitor_log_retention_test

import rego.v1

import data.gate.rules.terraform.azure.monitor_log_retention as rule

profile(name, policy) := {
	"address": sprintf("azurerm_monitor_log_profile.%s", [name]),
	"config_address": sprintf("azurerm_monitor_log_profile.%s", [name]),
	"module": "", "mode": "managed", "type": "azurerm_monitor_log_profile", "name": name, "index": null,
	"provider": "azurerm", "action": "create",
	"values": {"name": "default", "storage_account_id": "<<unknown>>", "retention_policy": [policy]},
	"refs": {"storage_account_id": ["azurerm_storage_account.logs"]},
}

test_short_retention_fails if {
	r := rule.deny with input as {"resources": [profile("p", {"enabled": true, "days": 30})]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_monitor_log_profile.p"
	f.attribute == "retention_policy[0].days"
}

test_year_passes if {
	r := rule.deny with input as {"resources": [profile("p", {"enabled": true, "days": 365})]}
	count(r) == 0
}

test_zero_days_keeps_forever if {
	r := rule.deny with input as {"resources": [profile("p", {"enabled": true, "days": 0})]}
	count(r) == 0
}

test_disabled_policy_keeps_forever if {
	r := rule.deny with input as {"resources": [profile("p", {"enabled": false, "days": 0})]}
	count(r) == 0
}

test_unknown_days_passes if {
	r := rule.deny with input as {"resources": [profile("p", {"enabled": true, "days": "<<unknown>>"})]}
	count(r) == 0
}

test_param_raises_floor if {
	r := rule.deny with input as {"resources": [profile("p", {"enabled": true, "days": 400})]}
		with data.gate_config.params as {"GATE-AZ-MON-001": {"min_days": 730}}
	count(r) == 1
}

test_event_hub_only_profile_not_judged if {
	p := profile("p", {"enabled": true, "days": 30})
	q := json.patch(p, [{"op": "remove", "path": "/values/storage_account_id"}, {"op": "add", "path": "/values/servicebus_rule_id", "value": "x"}])
	r := rule.deny with input as {"resources": [q]}
	count(r) == 0
}
