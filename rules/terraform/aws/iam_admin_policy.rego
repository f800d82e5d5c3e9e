# METADATA
# title: IAM policy does not grant full administrative access
# description: >-
#   A policy that allows every action ("*") on every resource ("*") makes
#   whoever holds it an administrator of the account, able to switch off
#   logging, read every secret and create new credentials. Least privilege
#   needs a policy scoped to the actions and resources the role uses. The rule
#   reads the policy of aws_iam_policy, aws_iam_role_policy,
#   aws_iam_user_policy, aws_iam_group_policy and the inline_policy blocks of
#   aws_iam_role, whether written as a JSON string (jsonencode, heredoc) or
#   taken from a data.aws_iam_policy_document. It fails an Allow statement
#   whose Action includes "*" and whose Resource includes "*"; Deny
#   statements, service wildcards such as "s3:*" and NotAction are not
#   judged here.
# custom:
#   id: GATE-AWS-IAM-001
#   severity: critical
#   remediation: |-
#     Grant only the actions and resources the principal needs:
#     ```hcl
#     data "aws_iam_policy_document" "app" {
#       statement {
#         actions   = ["s3:GetObject", "s3:PutObject"]
#         resources = ["${aws_s3_bucket.app.arn}/*"]
#       }
#     }
#     ```
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1, CC6.3]
#     iso27001_2022: [A.5.15, A.8.2]
#     nist_csf_2: [PR.AA-05]
#     nist_800_53r5: [AC-6, AC-6(1)]
package gate.rules.terraform.aws.iam_admin_policy

import rego.v1

import data.gate.lib.aws
import data.gate.lib.terraform as tf

policy_types := ["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"]

# sources: every policy attribute to judge, with the documents it holds.
sources contains {"r": r, "attr": "policy", "docs": aws.policy_documents(r, "policy")} if {
	some t in policy_types
	some r in aws.managed(t)
}

sources contains {"r": r, "attr": sprintf("inline_policy[%d].policy", [i]), "docs": docs} if {
	some r in aws.managed("aws_iam_role")
	some i, blk in tf.blocks(r, "inline_policy")
	docs := aws.policy_documents_of(object.get(blk, "policy", null), aws.attr_refs(r, "inline_policy.policy"))
}

deny contains tf.finding(s.r, s.attr, msg) if {
	some s in sources
	some st in aws.statements(s.docs)
	aws.allows(st)
	aws.wildcard_action(st)
	aws.wildcard_resource(st)
	msg := sprintf("%s allows every action (\"*\") on every resource (\"*\"): full administrator access", [s.r.address])
}
