# METADATA
# title: Cloud SQL instance does not turn on risky database flags
# description: >-
#   Some database flags widen what a database user can reach: MySQL
#   local_infile lets a client make the server read local files, and SQL
#   Server "cross db ownership chaining", "contained database
#   authentication" and "external scripts enabled" let code or users step
#   outside one database's permissions. All are off by default; only an
#   explicit "on" fails.
# custom:
#   id: GATE-GCP-SQL-007
#   severity: medium
#   remediation: |-
#     Remove the flag or set it to off:
#     ```hcl
#     settings {
#       database_flags {
#         name  = "local_infile"
#         value = "off"
#       }
#     }
#     ```
#   resource_types: [google_sql_database_instance]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.8.9]
#     nist_csf_2: [PR.PS-01]
#     nist_800_53r5: [CM-6, CM-7]
package gate.rules.terraform.gcp.sql_risky_flags

import rego.v1

import data.gate.lib.gcp
import data.gate.lib.terraform as tf

risky := {
	"MYSQL": {"local_infile"},
	"SQLSERVER": {"cross db ownership chaining", "contained database authentication", "external scripts enabled"},
}

deny contains tf.finding(r, sprintf("settings[0].database_flags[%d].value", [i]), msg) if {
	some r in tf.resources("google_sql_database_instance")
	names := risky[gcp.sql_engine(r)]
	fs := gcp.sql_settings(r).database_flags
	is_array(fs)
	some i, f in fs
	f.name in names
	is_string(f.value)
	lower(f.value) == "on"
	msg := sprintf("Cloud SQL instance %s turns on the database flag %q", [r.address, f.name])
}
