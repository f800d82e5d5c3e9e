# METADATA
# title: KMS key policy does not allow everyone without a condition
# description: >-
#   A key policy statement that allows Principal "*" (or {"AWS": "*"})
#   without a Condition lets any AWS account use or manage the key within the
#   actions it grants, and with it decrypt whatever the key protects. The rule
#   reads the policy of aws_kms_key and aws_kms_key_policy (JSON or
#   data.aws_iam_policy_document) and fails an Allow statement for everyone
#   that has no Condition; conditions such as kms:CallerAccount,
#   kms:ViaService or aws:PrincipalOrgID are trusted to narrow it.
# custom:
#   id: GATE-AWS-KMS-002
#   severity: critical
#   remediation: |-
#     Name the principals, or narrow "*" with a condition on the calling
#     account or service:
#     ```hcl
#     data "aws_iam_policy_document" "key" {
#       statement {
#         actions   = ["kms:Decrypt", "kms:GenerateDataKey*"]
#         resources = ["*"]
#         principals {
#           type        = "AWS"
#           identifiers = ["*"]
#         }
#         condition {
#           test     = "StringEquals"
#           variable = "kms:CallerAccount"
#           values   = [data.aws_caller_identity.current.account_id]
#         }
#       }
#     }
#     ```
#   resource_types: [aws_kms_key, aws_kms_key_policy]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.5.15, A.8.24]
#     nist_csf_2: [PR.AA-05]
#     nist_800_53r5: [AC-3, SC-12]
package gate.rules.terraform.aws.kms_key_policy_public

import rego.v1

import data.gate.lib.aws
import data.gate.lib.terraform as tf

deny contains tf.finding(k, "policy", msg) if {
	some t in ["aws_kms_key", "aws_kms_key_policy"]
	some k in aws.managed(t)
	some st in aws.statements(aws.policy_documents(k, "policy"))
	aws.public_allow(st)
	msg := sprintf("the key policy of %s allows everyone (Principal \"*\") without a condition", [k.address])
}
