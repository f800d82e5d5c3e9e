# METADATA
# title: DynamoDB deletion protection is enabled
# description: >-
#   Deletion protection makes DynamoDB refuse to delete a table until the
#   setting is turned off first, so a mistaken terraform destroy or a forced
#   replacement cannot drop the data in one step. The rule fails an
#   aws_dynamodb_table whose deletion_protection_enabled is false or absent
#   (the default). Unknown values do not fire.
# custom:
#   id: GATE-AWS-DDB-002
#   severity: low
#   remediation: |-
#     Turn deletion protection on:
#     ```hcl
#     resource "aws_dynamodb_table" "this" {
#       # ...
#       deletion_protection_enabled = true
#     }
#     ```
#   resource_types: [aws_dynamodb_table]
#   sources: [plan, hcl]
#   controls:
#     soc2: [A1.2, CC8.1]
#     iso27001_2022: [A.8.13, A.8.32]
#     nist_csf_2: [PR.DS-11]
#     nist_800_53r5: [CM-5, CP-9]
package gate.rules.terraform.aws.dynamodb_deletion_protection

import rego.v1

import data.gate.lib.aws
import data.gate.lib.terraform as tf

deny contains tf.finding(t, "deletion_protection_enabled", msg) if {
	some t in aws.managed("aws_dynamodb_table")
	tf.missing_or_false(t, "deletion_protection_enabled")
	msg := sprintf("DynamoDB table %s does not enable deletion protection", [t.address])
}
