# METADATA
# title: Cloud SQL instance takes automated backups
# description: >-
#   Without automated backups (settings.backup_configuration.enabled = true)
#   a dropped table, a bad migration or a deleted instance cannot be
#   restored. Backups are off unless enabled is true. Read replicas, which
#   cannot have backups, and instances without a settings block are not
#   checked.
# custom:
#   id: GATE-GCP-SQL-003
#   severity: medium
#   remediation: |-
#     Enable automated backups:
#     ```hcl
#     settings {
#       backup_configuration {
#         enabled    = true
#         start_time = "03:00"
#       }
#     }
#     ```
#   resource_types: [google_sql_database_instance]
#   sources: [plan, hcl]
#   controls:
#     soc2: [A1.2]
#     iso27001_2022: [A.8.13]
#     nist_csf_2: [PR.DS-11]
#     nist_800_53r5: [CP-9]
package gate.rules.terraform.gcp.sql_backup

import rego.v1

import data.gate.lib.gcp
import data.gate.lib.terraform as tf

deny contains tf.finding(r, attr, msg) if {
	some r in tf.resources("google_sql_database_instance")
	not gcp.sql_replica(r)
	s := gcp.sql_settings(r)
	backups_off(r, s)
	attr := attribute(r)
	msg := sprintf("Cloud SQL instance %s does not enable automated backups", [r.address])
}

backups_off(r, s) if gcp.unset_in(r, s, "backup_configuration", "settings.backup_configuration")

backups_off(_, s) if s.backup_configuration == []

backups_off(r, _) if gcp.nested(r, ["settings", "backup_configuration"]).enabled == false

backups_off(r, _) if {
	b := gcp.nested(r, ["settings", "backup_configuration"])
	gcp.unset_in(r, b, "enabled", "settings.backup_configuration.enabled")
}

attribute(r) := "settings[0].backup_configuration[0].enabled" if {
	gcp.nested(r, ["settings", "backup_configuration"])
} else := "settings[0]"
