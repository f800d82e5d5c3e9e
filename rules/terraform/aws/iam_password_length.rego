# METADATA
# title: IAM password policy requires long passwords
# description: >-
#   Length is what makes a password hard to guess or crack; the AWS default
#   for IAM users is 6 characters. The rule fails an
#   aws_iam_account_password_policy whose minimum_password_length is absent
#   (AWS default 6) or below the min_length parameter (default 14, as in the
#   CIS AWS Foundations Benchmark). An unknown value does not fire.
# custom:
#   id: GATE-AWS-IAM-006
#   severity: medium
#   remediation: |-
#     Require at least 14 characters:
#     ```hcl
#     resource "aws_iam_account_password_policy" "this" {
#       minimum_password_length   = 14
#       password_reuse_prevention = 24
#     }
#     ```
#   resource_types: [aws_iam_account_password_policy]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.5.17, A.8.5]
#     nist_csf_2: [PR.AA-01]
#     nist_800_53r5: [IA-5(1)]
#   params:
#     min_length: 14
package gate.rules.terraform.aws.iam_password_length

import rego.v1

import data.gate.lib.aws
import data.gate.lib.params
import data.gate.lib.terraform as tf

min_length := n if {
	n := params.param("GATE-AWS-IAM-006", "min_length", 14)
	is_number(n)
} else := 14

deny contains tf.finding(p, "minimum_password_length", msg) if {
	some p in aws.managed("aws_iam_account_password_policy")
	tf.missing(p, "minimum_password_length")
	msg := sprintf("%s does not set minimum_password_length (AWS default 6); require at least %v characters", [p.address, min_length])
}

deny contains tf.finding(p, "minimum_password_length", msg) if {
	some p in aws.managed("aws_iam_account_password_policy")
	n := tf.num(p.values.minimum_password_length)
	n < min_length
	msg := sprintf("%s sets minimum_password_length to %v; require at least %v characters", [p.address, n, min_length])
}
