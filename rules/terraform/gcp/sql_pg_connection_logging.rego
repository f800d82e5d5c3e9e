# METADATA
# title: Cloud SQL for PostgreSQL logs connections and disconnections
# description: >-
#   PostgreSQL writes no record of who connected, from where and for how long
#   unless the log_connections and log_disconnections database flags are
#   "on"; both default to off in Cloud SQL. Without them a break-in through
#   stolen database credentials leaves no trace in Cloud Logging.
# custom:
#   id: GATE-GCP-SQL-006
#   severity: low
#   remediation: |-
#     Turn on both flags:
#     ```hcl
#     settings {
#       database_flags {
#         name  = "log_connections"
#         value = "on"
#       }
#       database_flags {
#         name  = "log_disconnections"
#         value = "on"
#       }
#     }
#     ```
#   resource_types: [google_sql_database_instance]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC7.2]
#     iso27001_2022: [A.8.15]
#     nist_csf_2: [PR.PS-04]
#     nist_800_53r5: [AU-2, AU-12]
package gate.rules.terraform.gcp.sql_pg_connection_logging

import rego.v1

import data.gate.lib.gcp
import data.gate.lib.terraform as tf

flags := ["log_connections", "log_disconnections"]

deny contains tf.finding(r, "settings[0].database_flags", msg) if {
	some r in tf.resources("google_sql_database_instance")
	gcp.sql_engine(r) == "POSTGRES"
	gcp.sql_settings(r)
	gcp.sql_flags_known(r)
	off := [f | some f in flags; not on(r, f)]
	count(off) > 0
	msg := sprintf("Cloud SQL for PostgreSQL instance %s does not set %s to on", [r.address, concat(" and ", off)])
}

on(r, name) if {
	vals := gcp.sql_flag(r, name)
	count(vals) > 0
	every v in vals {
		is_string(v)
		lower(v) == "on"
	}
}
