# METADATA
# title: PostgreSQL server keeps geo-redundant backups
# description: >-
#   Without geo-redundant backup storage, a server's backups live only in its
#   own region, so a regional outage or disaster can take the data and every
#   restore point with it. `geo_redundant_backup_enabled` defaults to false
#   (flexible and single servers) and can only be chosen at creation, so a
#   server that does not set it to true fails.
# custom:
#   id: GATE-AZ-POSTGRES-003
#   severity: low
#   remediation: |-
#     Enable geo-redundant backups when creating the server:
#     ```hcl
#     resource "azurerm_postgresql_flexible_server" "this" {
#       # ...
#       geo_redundant_backup_enabled = true
#     }
#     ```
#   resource_types: [azurerm_postgresql_flexible_server, azurerm_postgresql_server]
#   sources: [plan, hcl]
#   controls:
#     soc2: [A1.2]
#     iso27001_2022: [A.8.13, A.8.14]
#     nist_csf_2: [PR.DS-11]
#     nist_800_53r5: [CP-9, CP-6]
package gate.rules.terraform.azure.postgres_geo_backup

import rego.v1

import data.gate.lib.azure as az
import data.gate.lib.terraform as tf

deny contains tf.finding(r, "geo_redundant_backup_enabled", msg) if {
	some t in ["azurerm_postgresql_flexible_server", "azurerm_postgresql_server"]
	some r in tf.resources(t)
	az.off_or_default_off(r, ["geo_redundant_backup_enabled"])
	msg := sprintf("PostgreSQL server %s does not enable geo_redundant_backup_enabled, so its backups stay in one region", [r.address])
}
