# METADATA
# title: IAM password policy prevents password reuse
# description: >-
#   Without reuse prevention a user forced to change a leaked password can
#   switch straight back to it. The rule fails an
#   aws_iam_account_password_policy whose password_reuse_prevention is absent
#   (no prevention) or below the min_remembered parameter (default 24, the
#   AWS maximum and the CIS AWS Foundations Benchmark value). An unknown
#   value does not fire.
# custom:
#   id: GATE-AWS-IAM-007
#   severity: low
#   remediation: |-
#     Remember the last 24 passwords:
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
#     iso27001_2022: [A.5.17]
#     nist_csf_2: [PR.AA-01]
#     nist_800_53r5: [IA-5(1)]
#   params:
#     min_remembered: 24
package gate.rules.terraform.aws.iam_password_reuse

import rego.v1

import data.gate.lib.aws
import data.gate.lib.params
import data.gate.lib.terraform as tf

min_remembered := n if {
	n := params.param("GATE-AWS-IAM-007", "min_remembered", 24)
	is_number(n)
} else := 24

deny contains tf.finding(p, "password_reuse_prevention", msg) if {
	some p in aws.managed("aws_iam_account_password_policy")
	tf.missing(p, "password_reuse_prevention")
	msg := sprintf("%s does not set password_reuse_prevention, so old passwords can be reused; remember at least %v", [p.address, min_remembered])
}

deny contains tf.finding(p, "password_reuse_prevention", msg) if {
	some p in aws.managed("aws_iam_account_password_policy")
	n := tf.num(p.values.password_reuse_prevention)
	n < min_remembered
	msg := sprintf("%s remembers only %v previous passwords; remember at least %v", [p.address, n, min_remembered])
}
