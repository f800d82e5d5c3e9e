# METADATA
# title: IAM policy does not grant every IAM action
# description: >-
#   "iam:*" on every resource lets the holder create users, access keys and
#   policies, attach AdministratorAccess to itself or pass any role: it is
#   administrator access one step removed. The rule reads the same policies
#   as GATE-AWS-IAM-001 (aws_iam_policy, aws_iam_role_policy,
#   aws_iam_user_policy, aws_iam_group_policy, aws_iam_role inline_policy;
#   JSON or data.aws_iam_policy_document) and fails an Allow statement whose
#   Action includes "iam:*" and whose Resource includes "*". Statements that
#   allow "*" are left to GATE-AWS-IAM-001.
# custom:
#   id: GATE-AWS-IAM-002
#   severity: high
#   remediation: |-
#     List the IAM actions the principal needs and the resources they apply to:
#     ```hcl
#     data "aws_iam_policy_document" "deploy" {
#       statement {
#         actions   = ["iam:PassRole"]
#         resources = [aws_iam_role.app.arn]
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
package gate.rules.terraform.aws.iam_full_iam_access

import rego.v1

import data.gate.lib.aws
import data.gate.lib.terraform as tf

policy_types := ["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"]

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
	"iam:*" in st.actions
	not aws.wildcard_action(st)
	aws.wildcard_resource(st)
	msg := sprintf("%s allows every IAM action (\"iam:*\") on every resource (\"*\")", [s.r.address])
}
