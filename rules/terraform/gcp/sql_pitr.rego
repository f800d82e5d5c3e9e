# METADATA
# title: Cloud SQL for PostgreSQL instance has point-in-time recovery
# description: >-
#   Without point-in-time recovery a PostgreSQL instance can only be restored
#   to its last daily backup, losing up to a day of writes.
#   point_in_time_recovery_enabled defaults to false. Read replicas are not
#   checked. An absent value is judged only where the edition is known to be
#   ENTERPRISE (set so, or left unset on PostgreSQL 15 and older), because
#   Enterprise Plus instances turn point-in-time recovery on by themselves.
# custom:
#   id: GATE-GCP-SQL-004
#   severity: medium
#   remediation: |-
#     Enable backups with point-in-time recovery:
#     ```hcl
#     settings {
#       backup_configuration {
#         enabled                        = true
#         point_in_time_recovery_enabled = true
#       }
#     }
#     ```
#   resource_types: [google_sql_database_instance]
#   sources: [plan, hcl]
#   controls:
#     soc2: [A1.2]
#     iso27001_2022: [A.8.13]
#     nist_csf_2: [PR.DS-11]
#     nist_800_53r5: [CP-9, CP-10]
package gate.rules.terraform.gcp.sql_pitr

import rego.v1

import data.gate.lib.gcp
import data.gate.lib.terraform as tf

deny contains tf.finding(r, attr, msg) if {
	some r in tf.resources("google_sql_database_instance")
	gcp.sql_engine(r) == "POSTGRES"
	not gcp.sql_replica(r)
	s := gcp.sql_settings(r)
	pitr_off(r, s)
	attr := attribute(r)
	msg := sprintf("Cloud SQL for PostgreSQL instance %s does not enable point-in-time recovery", [r.address])
}

pitr_off(r, _) if gcp.nested(r, ["settings", "backup_configuration"]).point_in_time_recovery_enabled == false

pitr_off(r, s) if {
	pitr_unset(r, s)
	enterprise_edition(r, s)
}

pitr_unset(r, s) if gcp.unset_in(r, s, "backup_configuration", "settings.backup_configuration")

pitr_unset(_, s) if s.backup_configuration == []

pitr_unset(r, _) if {
	b := gcp.nested(r, ["settings", "backup_configuration"])
	gcp.unset_in(r, b, "point_in_time_recovery_enabled", "settings.backup_configuration.point_in_time_recovery_enabled")
}

enterprise_edition(_, s) if s.edition == "ENTERPRISE"

enterprise_edition(r, s) if {
	gcp.unset_in(r, s, "edition", "settings.edition")
	postgres_major(r) < 16
}

postgres_major(r) := to_number(ms[0][1]) if {
	v := r.values.database_version
	is_string(v)
	ms := regex.find_all_string_submatch_n(`^POSTGRES_([0-9]+)`, v, 1)
	count(ms) == 1
}

attribute(r) := "settings[0].backup_configuration[0].point_in_time_recovery_enabled" if {
	gcp.nested(r, ["settings", "backup_configuration"])
} else := "settings[0]"
