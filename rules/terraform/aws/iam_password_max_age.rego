# METADATA
# title: IAM password policy expires passwords
# description: >-
#   Without a maximum age a password stays valid for as long as the user
#   exists, including one that has leaked without anyone noticing. The rule
#   fails an aws_iam_account_password_policy whose max_password_age is absent
#   or 0 (passwords never expire) or above the max_days parameter (default
#   90, the CIS AWS Foundations Benchmark value). NIST SP 800-63B advises
#   against forced periodic changes where passwords are checked against
#   breach lists and MFA is required; organizations following it can raise
#   max_days or disable this rule. An unknown value does not fire.
# custom:
#   id: GATE-AWS-IAM-008
#   severity: low
#   remediation: |-
#     Expire passwords after at most 90 days:
#     ```hcl
#     resource "aws_iam_account_password_policy" "this" {
#       minimum_password_length   = 14
#       password_reuse_prevention = 24
#       max_password_age          = 90
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
#     max_days: 90
package gate.rules.terraform.aws.iam_password_max_age

import rego.v1

import data.gate.lib.aws
import data.gate.lib.params
import data.gate.lib.terraform as tf

max_days := n if {
	n := params.param("GATE-AWS-IAM-008", "max_days", 90)
	is_number(n)
} else := 90

deny contains tf.finding(p, "max_password_age", msg) if {
	some p in aws.managed("aws_iam_account_password_policy")
	tf.missing(p, "max_password_age")
	msg := sprintf("%s does not set max_password_age, so passwords never expire; expire them after at most %v days", [p.address, max_days])
}

deny contains tf.finding(p, "max_password_age", msg) if {
	some p in aws.managed("aws_iam_account_password_policy")
	n := tf.num(p.values.max_password_age)
	not_expiring_soon(n)
	msg := sprintf("%s sets max_password_age to %v; expire passwords after at most %v days", [p.address, n, max_days])
}

not_expiring_soon(n) if n <= 0

not_expiring_soon(n) if n > max_days
