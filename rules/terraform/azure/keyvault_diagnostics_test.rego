package gate.rules.terraform.azure.keyvault_diagnostics_test

import rego.v1

import data.gate.rules.terraform.azure.keyvault_diagnostics as rule

res(type, name, values, refs) := {
	"address": sprintf("%s.%s", [type, name]),
	"config_address": sprintf("%s.%s", [type, name]),
	"module": "", "mode": "managed", "type": type, "name": name, "index": null,
	"provider": "azurerm", "action": "create", "values": values, "refs": refs,
}

kv(name) := res("azurerm_key_vault", name, {"name": name}, {})

diag(name, target_ref, values) := res(
	"azurerm_monitor_diagnostic_setting", name,
	object.union({"target_resource_id": "<<unknown>>"}, values),
	{"target_resource_id": [target_ref]},
)

audit := {"enabled_log": [{"category_group": "audit"}]}

test_vault_without_setting_fails if {
	r := rule.deny with input as {"resources": [
		kv("a"), kv("b"), res("azurerm_storage_account", "s", {}, {}),
		diag("d", "azurerm_key_vault.b", audit),
		diag("e", "azurerm_storage_account.s", audit),
	]}
	count(r) == 1
	some f in r
	f.resource == "azurerm_key_vault.a"
	f.attribute == ""
}

test_no_settings_in_document_passes if {
	r := rule.deny with input as {"resources": [kv("a")]}
	count(r) == 0
}

test_covered_by_enabled_log_passes if {
	r := rule.deny with input as {"resources": [kv("a"), diag("d", "azurerm_key_vault.a", audit)]}
	count(r) == 0
}

test_covered_by_legacy_log_block_passes if {
	r := rule.deny with input as {"resources": [kv("a"), diag("d", "azurerm_key_vault.a", {"log": [{"category": "AuditEvent"}]})]}
	count(r) == 0
}

test_metrics_only_setting_fails if {
	r := rule.deny with input as {"resources": [kv("a"), diag("d", "azurerm_key_vault.a", {"enabled_log": [], "metric": [{"category": "AllMetrics"}]})]}
	count(r) == 1
}

test_disabled_legacy_log_fails if {
	r := rule.deny with input as {"resources": [kv("a"), diag("d", "azurerm_key_vault.a", {"log": [{"category": "AuditEvent", "enabled": false}]})]}
	count(r) == 1
}

test_unknown_logs_pass if {
	r := rule.deny with input as {"resources": [kv("a"), diag("d", "azurerm_key_vault.a", {"enabled_log": "<<unknown>>"})]}
	count(r) == 0
}

test_unresolvable_target_suppresses if {
	unresolved := res("azurerm_monitor_diagnostic_setting", "v", {"target_resource_id": "<<unknown>>", "enabled_log": [{"category": "AuditEvent"}]}, {})
	r := rule.deny with input as {"resources": [kv("a"), unresolved]}
	count(r) == 0
}

test_known_id_match_passes if {
	v := res("azurerm_key_vault", "a", {"name": "kv1", "id": "/subscriptions/1/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1"}, {})
	d := res("azurerm_monitor_diagnostic_setting", "d", object.union({"target_resource_id": "/subscriptions/1/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1"}, audit), {})
	r := rule.deny with input as {"resources": [v, d]}
	count(r) == 0
}

test_literal_id_by_name_passes if {
	v := res("azurerm_key_vault", "a", {"name": "KV1"}, {})
	d := res("azurerm_monitor_diagnostic_setting", "d", object.union({"target_resource_id": "/subscriptions/1/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1"}, audit), {})
	r := rule.deny with input as {"resources": [v, d]}
	count(r) == 0
}

test_literal_id_of_other_vault_fails if {
	v := res("azurerm_key_vault", "a", {"name": "kv1"}, {})
	d := res("azurerm_monitor_diagnostic_setting", "d", object.union({"target_resource_id": "/subscriptions/1/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv2"}, audit), {})
	r := rule.deny with input as {"resources": [v, d]}
	count(r) == 1
}
