# METADATA
# title: DynamoDB point-in-time recovery is enabled
# description: >-
#   Point-in-time recovery keeps continuous backups of a table for 35 days
#   so that it can be restored to any second before a bad write, a buggy
#   deployment or a malicious delete. The rule fails an aws_dynamodb_table
#   whose point_in_time_recovery block is absent, empty or sets enabled to
#   false (the default). Unknown values do not fire.
# custom:
#   id: GATE-AWS-DDB-001
#   severity: medium
#   remediation: |-
#     Enable point-in-time recovery:
#     ```hcl
#     resource "aws_dynamodb_table" "this" {
#       # ...
#       point_in_time_recovery {
#         enabled = true
#       }
#     }
#     ```
#   resource_types: [aws_dynamodb_table]
#   sources: [plan, hcl]
#   controls:
#     soc2: [A1.2]
#     iso27001_2022: [A.8.13]
#     nist_csf_2: [PR.DS-11]
#     nist_800_53r5: [CP-9]
package gate.rules.terraform.aws.dynamodb_pitr

import rego.v1

import data.gate.lib.aws
import data.gate.lib.terraform as tf

deny contains tf.finding(t, "point_in_time_recovery", msg) if {
	some t in aws.managed("aws_dynamodb_table")
	no_block(t)
	msg := sprintf("DynamoDB table %s does not enable point-in-time recovery", [t.address])
}

deny contains tf.finding(t, "point_in_time_recovery[0].enabled", msg) if {
	some t in aws.managed("aws_dynamodb_table")
	b := tf.block(t, "point_in_time_recovery")
	object.get(b, "enabled", null) in {false, null}
	msg := sprintf("DynamoDB table %s does not enable point-in-time recovery", [t.address])
}

no_block(t) if tf.missing(t, "point_in_time_recovery")

no_block(t) if t.values.point_in_time_recovery == []
