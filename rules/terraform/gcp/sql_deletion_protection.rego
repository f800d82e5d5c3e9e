# METADATA
# title: Cloud SQL instance keeps Terraform deletion protection
# description: >-
#   With deletion_protection = false a `terraform destroy`, or a change that
#   forces replacement, deletes the instance and its automated backups
#   without any further check. The attribute defaults to true, so only an
#   explicit false fails.
# custom:
#   id: GATE-GCP-SQL-005
#   severity: medium
#   remediation: |-
#     Leave deletion protection on (the default), and consider the API-level
#     guard too:
#     ```hcl
#     resource "google_sql_database_instance" "this" {
#       deletion_protection = true
#       settings {
#         deletion_protection_enabled = true
#       }
#     }
#     ```
#   resource_types: [google_sql_database_instance]
#   sources: [plan, hcl]
#   controls:
#     soc2: [A1.2, CC8.1]
#     iso27001_2022: [A.8.13, A.8.32]
#     nist_csf_2: [PR.DS-11]
#     nist_800_53r5: [CP-9, CM-3]
package gate.rules.terraform.gcp.sql_deletion_protection

import rego.v1

import data.gate.lib.terraform as tf

deny contains tf.finding(r, "deletion_protection", msg) if {
	some r in tf.resources("google_sql_database_instance")
	tf.is_false(r, "deletion_protection")
	msg := sprintf("Cloud SQL instance %s sets deletion_protection = false, so Terraform can delete it and its backups", [r.address])
}
