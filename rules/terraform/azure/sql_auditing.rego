# METADATA
# title: Azure SQL server has auditing enabled
# description: >-
#   Without server auditing, logins, queries and permission changes on the
#   server's databases leave no audit trail. Auditing is configured with an
#   `azurerm_mssql_server_extended_auditing_policy` joined to the server by
#   `server_id` (reference or equal id), or with the legacy inline
#   `extended_auditing_policy` block. A server with neither fails, as does one
#   whose policy sets `enabled = false`. If an auditing policy's `server_id`
#   cannot be resolved (a variable, a module output), no server is judged.
# custom:
#   id: GATE-AZ-SQL-003
#   severity: medium
#   remediation: |-
#     Enable server auditing to Log Analytics or a storage account:
#     ```hcl
#     resource "azurerm_mssql_server_extended_auditing_policy" "this" {
#       server_id              = azurerm_mssql_server.this.id
#       log_monitoring_enabled = true
#     }
#     ```
#   resource_types: [azurerm_mssql_server, azurerm_mssql_server_extended_auditing_policy]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC7.2]
#     iso27001_2022: [A.8.15]
#     nist_csf_2: [PR.PS-04]
#     nist_800_53r5: [AU-2, AU-12]
package gate.rules.terraform.azure.sql_auditing

import rego.v1

import data.gate.lib.azure as az
import data.gate.lib.terraform as tf

policy_type := "azurerm_mssql_server_extended_auditing_policy"

deny contains tf.finding(s, "", msg) if {
	some s in tf.resources("azurerm_mssql_server")
	not audited(s)
	not disabled_policy(s)
	not az.any_unresolved(policy_type, ["server_id"])
	msg := sprintf("SQL server %s has no auditing policy (azurerm_mssql_server_extended_auditing_policy)", [s.address])
}

deny contains tf.finding(s, "", msg) if {
	some s in tf.resources("azurerm_mssql_server")
	not audited(s)
	p := disabled_policy(s)
	msg := sprintf("SQL server %s has auditing turned off (%s sets enabled = false)", [s.address, p.address])
}

audited(s) if {
	some p in tf.resources(policy_type)
	az.joined(p, ["server_id"], s)
	object.get(p.values, "enabled", true) != false
}

audited(s) if {
	some b in tf.blocks(s, "extended_auditing_policy")
	b != {}
}

audited(s) if tf.is_unknown(object.get(s.values, "extended_auditing_policy", null))

disabled_policy(s) := p if {
	ps := [p | some p in tf.resources(policy_type); az.joined(p, ["server_id"], s); p.values.enabled == false]
	count(ps) > 0
	p := ps[0]
}
