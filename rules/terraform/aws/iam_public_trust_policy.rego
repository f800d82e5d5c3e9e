# METADATA
# title: IAM role trust policy does not let everyone assume the role
# description: >-
#   A trust policy that allows Principal "*" (or {"AWS": "*"}) without any
#   Condition lets any AWS account in the world assume the role and use its
#   permissions. The rule reads assume_role_policy of aws_iam_role (JSON
#   string or data.aws_iam_policy_document) and fails an Allow statement for
#   everyone with no Condition; conditions such as sts:ExternalId,
#   aws:PrincipalOrgID or aws:SourceAccount are trusted to narrow it, and
#   federated principals are not affected.
# custom:
#   id: GATE-AWS-IAM-009
#   severity: critical
#   remediation: |-
#     Trust a named account, service or identity provider, and narrow it
#     further with a condition:
#     ```hcl
#     data "aws_iam_policy_document" "trust" {
#       statement {
#         actions = ["sts:AssumeRole"]
#         principals {
#           type        = "AWS"
#           identifiers = ["arn:aws:iam::111122223333:root"]
#         }
#         condition {
#           test     = "StringEquals"
#           variable = "sts:ExternalId"
#           values   = [var.external_id]
#         }
#       }
#     }
#     ```
#   resource_types: [aws_iam_role]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1, CC6.3]
#     iso27001_2022: [A.5.15, A.8.2]
#     nist_csf_2: [PR.AA-05]
#     nist_800_53r5: [AC-3, AC-6]
package gate.rules.terraform.aws.iam_public_trust_policy

import rego.v1

import data.gate.lib.aws
import data.gate.lib.terraform as tf

deny contains tf.finding(r, "assume_role_policy", msg) if {
	some r in aws.managed("aws_iam_role")
	some st in aws.statements(aws.policy_documents(r, "assume_role_policy"))
	aws.public_allow(st)
	msg := sprintf("the trust policy of IAM role %s lets everyone (Principal \"*\") assume it without a condition", [r.address])
}
