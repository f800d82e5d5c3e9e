# METADATA
# title: RDS deletion protection is enabled
# description: >-
#   Deletion protection makes RDS refuse to delete the database until the
#   setting is turned off first, which stops a mistaken terraform destroy, a
#   replacement forced by a changed attribute or a compromised pipeline from
#   removing production data in one step. The rule fails an aws_db_instance or
#   aws_rds_cluster whose deletion_protection is false or absent (the
#   default). Read replicas of an instance (replicate_source_db) are skipped.
# custom:
#   id: GATE-AWS-RDS-004
#   severity: low
#   remediation: |-
#     Turn deletion protection on:
#     ```hcl
#     resource "aws_rds_cluster" "this" {
#       # ...
#       deletion_protection = true
#     }
#     ```
#   resource_types: [aws_db_instance, aws_rds_cluster]
#   sources: [plan, hcl]
#   controls:
#     soc2: [A1.2, CC8.1]
#     iso27001_2022: [A.8.13, A.8.32]
#     nist_csf_2: [PR.DS-01, PR.DS-11]
#     nist_800_53r5: [CM-5, CP-9]
package gate.rules.terraform.aws.rds_deletion_protection

import rego.v1

import data.gate.lib.aws
import data.gate.lib.terraform as tf

deny contains tf.finding(db, "deletion_protection", msg) if {
	some t in ["aws_db_instance", "aws_rds_cluster"]
	some db in aws.managed(t)
	tf.missing_or_false(db, "deletion_protection")
	aws.empty(object.get(db.values, "replicate_source_db", null))
	msg := sprintf("%s does not enable deletion protection", [db.address])
}
