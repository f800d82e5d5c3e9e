# METADATA
# title: IAM users have no inline policies
# description: >-
#   Permissions written into a single user (aws_iam_user_policy) are
#   invisible when access is reviewed by group or role, do not go away when
#   the person changes job and grow unnoticed. Grant permissions to groups or
#   roles and put users in groups. The rule fails every aws_iam_user_policy.
# custom:
#   id: GATE-AWS-IAM-003
#   severity: low
#   remediation: |-
#     Move the policy to a group (or a role the user assumes):
#     ```hcl
#     resource "aws_iam_group_policy" "developers" {
#       group  = aws_iam_group.developers.name
#       policy = data.aws_iam_policy_document.developers.json
#     }
#
#     resource "aws_iam_user_group_membership" "alice" {
#       user   = aws_iam_user.alice.name
#       groups = [aws_iam_group.developers.name]
#     }
#     ```
#   resource_types: [aws_iam_user_policy]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.2, CC6.3]
#     iso27001_2022: [A.5.15, A.5.18]
#     nist_csf_2: [PR.AA-05]
#     nist_800_53r5: [AC-2, AC-6]
package gate.rules.terraform.aws.iam_user_inline_policy

import rego.v1

import data.gate.lib.aws
import data.gate.lib.terraform as tf

deny contains tf.finding(p, "", msg) if {
	some p in aws.managed("aws_iam_user_policy")
	msg := sprintf("%s attaches an inline policy directly to an IAM user; grant permissions through groups or roles", [p.address])
}
