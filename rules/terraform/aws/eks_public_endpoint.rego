# METADATA
# title: EKS API endpoint is not open to the whole internet
# description: >-
#   With the public endpoint enabled and public_access_cidrs left at (or set
#   to) 0.0.0.0/0, the Kubernetes API server of the cluster can be reached
#   from any address, exposing it to credential stuffing and to every future
#   API server vulnerability.
# custom:
#   id: GATE-AWS-EKS-001
#   severity: high
#   remediation: |-
#     Use the private endpoint, or restrict the public one to known ranges:
#     ```hcl
#     resource "aws_eks_cluster" "this" {
#       name     = "prod"
#       role_arn = aws_iam_role.cluster.arn
#       vpc_config {
#         subnet_ids              = var.private_subnet_ids
#         endpoint_private_access = true
#         endpoint_public_access  = true
#         public_access_cidrs     = ["203.0.113.0/24"]
#       }
#     }
#     ```
#   resource_types: [aws_eks_cluster]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.6]
#     iso27001_2022: [A.8.20, A.8.22]
#     nist_csf_2: [PR.IR-01]
#     nist_800_53r5: [SC-7, AC-17]
package gate.rules.terraform.aws.eks_public_endpoint

import rego.v1

import data.gate.lib.terraform as tf

deny contains tf.finding(c, "vpc_config[0].public_access_cidrs", msg) if {
	some c in tf.resources("aws_eks_cluster")
	vc := tf.block(c, "vpc_config")
	public_endpoint(vc)
	open_to_all(vc)
	msg := sprintf("EKS cluster %s exposes its public API endpoint to 0.0.0.0/0", [c.address])
}

# endpoint_public_access defaults to true.
public_endpoint(vc) if vc.endpoint_public_access == true

public_endpoint(vc) if object.get(vc, "endpoint_public_access", null) == null

# public_access_cidrs defaults to ["0.0.0.0/0"].
open_to_all(vc) if object.get(vc, "public_access_cidrs", null) == null

open_to_all(vc) if {
	some cidr in vc.public_access_cidrs
	cidr in {"0.0.0.0/0", "::/0"}
}
