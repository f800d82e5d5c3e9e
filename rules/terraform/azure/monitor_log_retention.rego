# METADATA
# title: Activity log profile keeps archived logs for at least a year
# description: >-
#   A log profile that archives the subscription activity log to a storage
#   account with an enabled retention policy of 1 to 364 days deletes the
#   control-plane audit trail before most investigations and audits need it.
#   Param `min_days` (default 365) sets the floor. Azure keeps archived events
#   indefinitely when the retention policy is disabled or `days = 0`, so those
#   pass, as do profiles that only stream to an event hub (retention applies
#   to storage only). Log profiles are a legacy Azure feature (removed in
#   azurerm v4; use a subscription diagnostic setting instead), so this rule
#   only sees azurerm v3 configurations.
# custom:
#   id: GATE-AZ-MON-001
#   severity: low
#   remediation: |-
#     Keep archived activity logs for at least 365 days (0 keeps them forever):
#     ```hcl
#     resource "azurerm_monitor_log_profile" "this" {
#       # ...
#       storage_account_id = azurerm_storage_account.logs.id
#       retention_policy {
#         enabled = true
#         days    = 365
#       }
#     }
#     ```
#   resource_types: [azurerm_monitor_log_profile]
#   sources: [plan, hcl]
#   params:
#     min_days: 365
#   controls:
#     soc2: [CC7.2]
#     iso27001_2022: [A.8.15]
#     nist_csf_2: [PR.PS-04]
#     nist_800_53r5: [AU-11]
package gate.rules.terraform.azure.monitor_log_retention

import rego.v1

import data.gate.lib.params
import data.gate.lib.terraform as tf

min_days := params.param("GATE-AZ-MON-001", "min_days", 365)

deny contains tf.finding(r, "retention_policy[0].days", msg) if {
	some r in tf.resources("azurerm_monitor_log_profile")
	object.get(r.values, "storage_account_id", null) != null
	p := tf.block(r, "retention_policy")
	p.enabled == true
	days := tf.num(p.days)
	days > 0
	days < min_days
	msg := sprintf("Activity log profile %s deletes archived activity logs after %v days (retention_policy.days), below the required %v", [r.address, days, min_days])
}
