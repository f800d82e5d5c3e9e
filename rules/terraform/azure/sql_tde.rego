# METADATA
# title: Azure SQL database keeps transparent data encryption on
# description: >-
#   Transparent data encryption encrypts the database, its backups and logs at
#   rest. `transparent_data_encryption_enabled` on `azurerm_mssql_database`
#   defaults to true, so only an explicit false fails.
# custom:
#   id: GATE-AZ-SQL-005
#   severity: high
#   remediation: |-
#     Keep TDE on (remove the argument or set it to true):
#     ```hcl
#     resource "azurerm_mssql_database" "this" {
#       # ...
#       transparent_data_encryption_enabled = true
#     }
#     ```
#   resource_types: [azurerm_mssql_database]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.8.24]
#     nist_csf_2: [PR.DS-01]
#     nist_800_53r5: [SC-28, SC-28(1)]
package gate.rules.terraform.azure.sql_tde

import rego.v1

import data.gate.lib.terraform as tf

deny contains tf.finding(r, "transparent_data_encryption_enabled", msg) if {
	some r in tf.resources("azurerm_mssql_database")
	tf.is_false(r, "transparent_data_encryption_enabled")
	msg := sprintf("SQL database %s turns off transparent data encryption, so its data, backups and logs are not encrypted at rest", [r.address])
}
