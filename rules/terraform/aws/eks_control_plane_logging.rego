# METADATA
# title: EKS control plane logs API, audit and authenticator events
# description: >-
#   Without the api, audit and authenticator control plane logs there is no
#   record of who called the Kubernetes API, what they changed or which IAM
#   identity they authenticated as.
# custom:
#   id: GATE-AWS-EKS-002
#   severity: medium
#   remediation: |-
#     Enable the control plane log types:
#     ```hcl
#     resource "aws_eks_cluster" "this" {
#       name                      = "prod"
#       role_arn                  = aws_iam_role.cluster.arn
#       enabled_cluster_log_types = ["api", "audit", "authenticator"]
#       vpc_config {
#         subnet_ids = var.private_subnet_ids
#       }
#     }
#     ```
#   resource_types: [aws_eks_cluster]
#   sources: [plan, hcl]
#   params:
#     required_log_types: [api, audit, authenticator]
#   controls:
#     soc2: [CC7.2]
#     iso27001_2022: [A.8.15]
#     nist_csf_2: [PR.PS-04]
#     nist_800_53r5: [AU-2, AU-12]
package gate.rules.terraform.aws.eks_control_plane_logging

import rego.v1

import data.gate.lib.params
import data.gate.lib.terraform as tf

required := params.param("GATE-AWS-EKS-002", "required_log_types", ["api", "audit", "authenticator"])

deny contains tf.finding(c, "enabled_cluster_log_types", msg) if {
	some c in tf.resources("aws_eks_cluster")
	not tf.has_unknown(c, "enabled_cluster_log_types")
	enabled := {t | some t in object.get(c.values, "enabled_cluster_log_types", [])}
	missing := sort([t | some t in required; not t in enabled])
	count(missing) > 0
	msg := sprintf("EKS cluster %s does not log control plane events of type %s", [c.address, concat(", ", missing)])
}
