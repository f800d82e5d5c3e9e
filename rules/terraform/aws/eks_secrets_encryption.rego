# METADATA
# title: EKS cluster encrypts Kubernetes secrets with a KMS key
# description: >-
#   Without an encryption_config for "secrets", Kubernetes secrets in etcd
#   are not envelope-encrypted with a key the account controls, so access to
#   them cannot be revoked or audited through a KMS key policy.
# custom:
#   id: GATE-AWS-EKS-003
#   severity: medium
#   remediation: |-
#     Envelope-encrypt secrets with a customer managed key:
#     ```hcl
#     resource "aws_eks_cluster" "this" {
#       name     = "prod"
#       role_arn = aws_iam_role.cluster.arn
#       encryption_config {
#         resources = ["secrets"]
#         provider {
#           key_arn = aws_kms_key.eks.arn
#         }
#       }
#       vpc_config {
#         subnet_ids = var.private_subnet_ids
#       }
#     }
#     ```
#   resource_types: [aws_eks_cluster]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.8.24]
#     nist_csf_2: [PR.DS-01]
#     nist_800_53r5: [SC-28, SC-12]
package gate.rules.terraform.aws.eks_secrets_encryption

import rego.v1

import data.gate.lib.terraform as tf

deny contains tf.finding(c, "encryption_config", msg) if {
	some c in tf.resources("aws_eks_cluster")
	not tf.has_unknown(c, "encryption_config")
	not encrypts_secrets(c)
	msg := sprintf("EKS cluster %s does not envelope-encrypt Kubernetes secrets with a KMS key (no encryption_config for \"secrets\")", [c.address])
}

encrypts_secrets(c) if {
	some e in tf.blocks(c, "encryption_config")
	"secrets" in e.resources
}
