# METADATA
# title: Lambda permission does not grant every principal unconditionally
# description: >-
#   A resource-based permission for principal "*" with no source_arn,
#   source_account or principal_org_id lets any AWS account (and, for
#   function URLs, anybody) invoke the function.
# custom:
#   id: GATE-AWS-LMB-002
#   severity: high
#   remediation: |-
#     Name the calling service or account and scope it to the source:
#     ```hcl
#     resource "aws_lambda_permission" "from_events" {
#       statement_id  = "AllowEventBridge"
#       action        = "lambda:InvokeFunction"
#       function_name = aws_lambda_function.this.function_name
#       principal     = "events.amazonaws.com"
#       source_arn    = aws_cloudwatch_event_rule.this.arn
#     }
#     ```
#   resource_types: [aws_lambda_permission]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.5.15, A.8.3]
#     nist_csf_2: [PR.AA-05]
#     nist_800_53r5: [AC-3, AC-6]
package gate.rules.terraform.aws.lambda_permission_public

import rego.v1

import data.gate.lib.aws_services as aws
import data.gate.lib.terraform as tf

deny contains tf.finding(p, "principal", msg) if {
	some p in tf.resources("aws_lambda_permission")
	p.values.principal == "*"
	not aws.present(p, "source_arn")
	not aws.present(p, "source_account")
	not aws.present(p, "principal_org_id")
	msg := sprintf("Lambda permission %s lets any principal call %s on the function with no source or organization condition", [p.address, action(p)])
}

action(p) := a if {
	a := p.values.action
	is_string(a)
	tf.known(a)
} else := "the granted action"
