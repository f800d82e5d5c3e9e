# METADATA
# title: Azure SQL server has a Microsoft Entra ID administrator
# description: >-
#   Without an Entra ID (Azure AD) administrator the server can only be
#   administered with the SQL login created with it, a shared password that
#   bypasses central identity, MFA and conditional access. A server passes
#   with an `azuread_administrator` block, or with a legacy
#   `azurerm_sql_active_directory_administrator` joined by `server_name`
#   (reference or equal name). If such a resource's server cannot be resolved,
#   no server is judged.
# custom:
#   id: GATE-AZ-SQL-004
#   severity: medium
#   remediation: |-
#     Configure an Entra ID administrator (ideally a group) and prefer Entra-only authentication:
#     ```hcl
#     resource "azurerm_mssql_server" "this" {
#       # ...
#       azuread_administrator {
#         login_username              = "sql-admins"
#         object_id                   = var.sql_admin_group_object_id
#         azuread_authentication_only = true
#       }
#     }
#     ```
#   resource_types: [azurerm_mssql_server, azurerm_sql_active_directory_administrator]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.5.16, A.8.5]
#     nist_csf_2: [PR.AA-01]
#     nist_800_53r5: [IA-2, AC-2]
package gate.rules.terraform.azure.sql_aad_admin

import rego.v1

import data.gate.lib.azure as az
import data.gate.lib.terraform as tf

admin_type := "azurerm_sql_active_directory_administrator"

deny contains tf.finding(s, "azuread_administrator", msg) if {
	some s in tf.resources("azurerm_mssql_server")
	no_inline_admin(s)
	not separate_admin(s)
	not az.any_unresolved(admin_type, ["server_name"])
	msg := sprintf("SQL server %s has no Microsoft Entra ID administrator (azuread_administrator)", [s.address])
}

no_inline_admin(s) if tf.missing(s, "azuread_administrator")

no_inline_admin(s) if s.values.azuread_administrator == []

separate_admin(s) if {
	some a in tf.resources(admin_type)
	az.joined(a, ["server_name"], s)
}
