# METADATA
# title: ECR repository image tags are immutable
# description: >-
#   With mutable tags anybody allowed to push can replace the image behind a
#   tag such as "v1.4.2" or "prod", so what is deployed is no longer the
#   image that was reviewed and scanned.
# custom:
#   id: GATE-AWS-ECR-002
#   severity: medium
#   remediation: |-
#     Make tags immutable:
#     ```hcl
#     resource "aws_ecr_repository" "this" {
#       name                 = "api"
#       image_tag_mutability = "IMMUTABLE"
#     }
#     ```
#   resource_types: [aws_ecr_repository]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC8.1]
#     iso27001_2022: [A.8.32]
#     nist_csf_2: [PR.PS-01]
#     nist_800_53r5: [CM-5, SI-7]
package gate.rules.terraform.aws.ecr_tag_immutability

import rego.v1

import data.gate.lib.aws_services as aws
import data.gate.lib.terraform as tf

deny contains tf.finding(r, "image_tag_mutability", msg) if {
	some r in tf.resources("aws_ecr_repository")
	tf.missing(r, "image_tag_mutability")
	msg := sprintf("ECR repository %s allows image tags to be overwritten (image_tag_mutability defaults to MUTABLE)", [r.address])
}

deny contains tf.finding(r, "image_tag_mutability", msg) if {
	some r in tf.resources("aws_ecr_repository")
	some m in ["MUTABLE", "MUTABLE_WITH_EXCLUSION"]
	aws.eq_ci(r.values.image_tag_mutability, m)
	msg := sprintf("ECR repository %s allows image tags to be overwritten (image_tag_mutability = %q)", [r.address, r.values.image_tag_mutability])
}
