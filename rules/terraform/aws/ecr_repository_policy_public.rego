# METADATA
# title: ECR repository policy does not grant everybody access
# description: >-
#   A repository policy statement that allows Principal "*" without a
#   condition lets every AWS account pull (or, with write actions, push and
#   delete) the repository's images.
# custom:
#   id: GATE-AWS-ECR-003
#   severity: high
#   remediation: |-
#     Name the accounts or roles that may use the repository, or narrow "*"
#     with a condition such as aws:PrincipalOrgID:
#     ```hcl
#     resource "aws_ecr_repository_policy" "this" {
#       repository = aws_ecr_repository.this.name
#       policy = <<-EOT
#         {
#           "Version": "2012-10-17",
#           "Statement": [{
#             "Sid": "OrgPull",
#             "Effect": "Allow",
#             "Principal": "*",
#             "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
#             "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}
#           }]
#         }
#       EOT
#     }
#     ```
#   resource_types: [aws_ecr_repository_policy]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.5.15, A.8.3]
#     nist_csf_2: [PR.AA-05]
#     nist_800_53r5: [AC-3, AC-6]
package gate.rules.terraform.aws.ecr_repository_policy_public

import rego.v1

import data.gate.lib.aws_services as aws
import data.gate.lib.terraform as tf

deny contains tf.finding(p, "policy", msg) if {
	some p in tf.resources("aws_ecr_repository_policy")
	doc := aws.policy_document(p.values.policy)
	some s in aws.statements(doc)
	aws.unconditional_public_allow(s)
	msg := sprintf("ECR repository policy %s allows every principal (Principal \"*\") with no condition", [p.address])
}
