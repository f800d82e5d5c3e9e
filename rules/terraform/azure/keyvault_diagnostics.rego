# METADATA
# title: Key Vault sends its audit logs to a diagnostic setting
# description: >-
#   Without a diagnostic setting a vault's AuditEvent log (who read which key or
#   secret, from where) is not kept anywhere, so misuse of keys and secrets
#   cannot be detected or investigated. Diagnostic settings are often deployed
#   outside Terraform (for example by an Azure Policy DeployIfNotExists
#   assignment), so the rule fires only where the document itself manages
#   diagnostics: it contains at least one `azurerm_monitor_diagnostic_setting`,
#   none of them has a target that cannot be resolved (a variable, a module
#   output), and no setting targeting the vault (`target_resource_id` by
#   reference, equal id, or a literal vault id ending in the vault's name)
#   enables a log category (`enabled_log`, or a `log` block not disabled).
# custom:
#   id: GATE-AZ-KV-006
#   severity: medium
#   remediation: |-
#     Send the vault's audit logs to a Log Analytics workspace (or storage / event hub):
#     ```hcl
#     resource "azurerm_monitor_diagnostic_setting" "kv" {
#       name                       = "kv-audit"
#       target_resource_id         = azurerm_key_vault.this.id
#       log_analytics_workspace_id = azurerm_log_analytics_workspace.this.id
#       enabled_log { category_group = "audit" }
#     }
#     ```
#   resource_types: [azurerm_key_vault, azurerm_monitor_diagnostic_setting]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC7.2]
#     iso27001_2022: [A.8.15, A.8.16]
#     nist_csf_2: [PR.PS-04, DE.CM-09]
#     nist_800_53r5: [AU-2, AU-12]
package gate.rules.terraform.azure.keyvault_diagnostics

import rego.v1

import data.gate.lib.azure as az
import data.gate.lib.terraform as tf

settings := tf.resources("azurerm_monitor_diagnostic_setting")

deny contains tf.finding(v, "", msg) if {
	count(settings) > 0
	not az.any_unresolved("azurerm_monitor_diagnostic_setting", ["target_resource_id"])
	some v in tf.resources("azurerm_key_vault")
	not logged(v)
	msg := sprintf("Key Vault %s has no diagnostic setting that collects its logs, although this configuration manages diagnostic settings", [v.address])
}

logged(v) if {
	some s in settings
	targets(s, v)
	collects_logs(s)
}

targets(s, v) if tf.refers(s, "target_resource_id", v)

# A literal vault id: .../providers/Microsoft.KeyVault/vaults/<name>.
targets(s, v) if {
	t := az.lc(s.values.target_resource_id)
	contains(t, "/providers/microsoft.keyvault/vaults/")
	name := v.values.name
	tf.known(name)
	endswith(t, sprintf("/providers/microsoft.keyvault/vaults/%s", [az.lc(name)]))
}

# The vault's name is unknown: a literal vault id might be this vault.
targets(s, v) if {
	contains(az.lc(s.values.target_resource_id), "/providers/microsoft.keyvault/vaults/")
	not tf.known(object.get(v.values, "name", tf.unknown_value))
}

collects_logs(s) if {
	some l in tf.blocks(s, "enabled_log")
	l != {}
}

collects_logs(s) if {
	some l in tf.blocks(s, "log")
	object.get(l, "enabled", true) != false
}

collects_logs(s) if tf.is_unknown(object.get(s.values, "enabled_log", null))

collects_logs(s) if tf.is_unknown(object.get(s.values, "log", null))
