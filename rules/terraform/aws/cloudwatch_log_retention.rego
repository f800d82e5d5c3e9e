# METADATA
# title: CloudWatch log group keeps events for at least a year
# description: >-
#   Log events older than the retention period are deleted for good; a short
#   retention destroys the audit trail an investigation or an auditor needs.
#   A retention of 0 or no retention at all means "never expire" and passes.
# custom:
#   id: GATE-AWS-CW-001
#   severity: medium
#   remediation: |-
#     Keep log events for at least the required period (or never expire them):
#     ```hcl
#     resource "aws_cloudwatch_log_group" "this" {
#       name              = "/app/api"
#       retention_in_days = 365
#     }
#     ```
#   resource_types: [aws_cloudwatch_log_group]
#   sources: [plan, hcl]
#   params:
#     min_retention_days: 365
#   controls:
#     soc2: [CC7.2]
#     iso27001_2022: [A.8.15]
#     nist_csf_2: [PR.PS-04]
#     nist_800_53r5: [AU-11]
package gate.rules.terraform.aws.cloudwatch_log_retention

import rego.v1

import data.gate.lib.params
import data.gate.lib.terraform as tf

min_days := params.param("GATE-AWS-CW-001", "min_retention_days", 365)

deny contains tf.finding(g, "retention_in_days", msg) if {
	some g in tf.resources("aws_cloudwatch_log_group")
	days := tf.num(g.values.retention_in_days)
	days > 0
	days < min_days
	msg := sprintf("CloudWatch log group %s keeps log events for %v days, less than the required %v", [g.address, days, min_days])
}
