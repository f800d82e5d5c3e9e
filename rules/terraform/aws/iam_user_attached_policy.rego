# METADATA
# title: IAM users have no directly attached managed policies
# description: >-
#   A managed policy attached straight to a user is granted outside the
#   group and role structure that access reviews look at. The rule fails
#   every aws_iam_user_policy_attachment, every
#   aws_iam_user_policy_attachments_exclusive with policies, and every
#   aws_iam_policy_attachment whose users list is not empty (an unknown list
#   does not fire).
# custom:
#   id: GATE-AWS-IAM-004
#   severity: low
#   remediation: |-
#     Attach the policy to a group and add the user to it:
#     ```hcl
#     resource "aws_iam_group_policy_attachment" "readonly" {
#       group      = aws_iam_group.auditors.name
#       policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
#     }
#     ```
#   resource_types: [aws_iam_user_policy_attachment, aws_iam_user_policy_attachments_exclusive, aws_iam_policy_attachment]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.2, CC6.3]
#     iso27001_2022: [A.5.15, A.5.18]
#     nist_csf_2: [PR.AA-05]
#     nist_800_53r5: [AC-2, AC-6]
package gate.rules.terraform.aws.iam_user_attached_policy

import rego.v1

import data.gate.lib.aws
import data.gate.lib.terraform as tf

deny contains tf.finding(a, "policy_arn", msg) if {
	some a in aws.managed("aws_iam_user_policy_attachment")
	msg := sprintf("%s attaches a managed policy directly to an IAM user; attach it to a group or role", [a.address])
}

deny contains tf.finding(a, "policy_arns", msg) if {
	some a in aws.managed("aws_iam_user_policy_attachments_exclusive")
	arns := a.values.policy_arns
	is_array(arns)
	count(arns) > 0
	msg := sprintf("%s attaches managed policies directly to an IAM user; attach them to a group or role", [a.address])
}

deny contains tf.finding(a, "users", msg) if {
	some a in aws.managed("aws_iam_policy_attachment")
	users := a.values.users
	is_array(users)
	count(users) > 0
	msg := sprintf("%s attaches a managed policy directly to IAM users; attach it to a group or role", [a.address])
}
