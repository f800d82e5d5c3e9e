# METADATA
# title: IAM users have no long-lived access keys managed in Terraform
# description: >-
#   An aws_iam_access_key is a static credential that never expires, and its
#   secret lands in the Terraform state in clear text (or encrypted only with
#   a PGP key given in the configuration). Workloads should use roles (instance
#   profiles, IRSA, OIDC federation for CI) instead. The rule fails every
#   aws_iam_access_key whose status is not "Inactive" (absent means Active).
# custom:
#   id: GATE-AWS-IAM-005
#   severity: medium
#   remediation: |-
#     Remove the key and let the workload assume a role, e.g. for GitHub
#     Actions:
#     ```hcl
#     resource "aws_iam_role" "ci" {
#       name               = "ci-deploy"
#       assume_role_policy = data.aws_iam_policy_document.github_oidc.json
#     }
#     ```
#   resource_types: [aws_iam_access_key]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.5.17, A.8.5]
#     nist_csf_2: [PR.AA-01]
#     nist_800_53r5: [IA-5, AC-2]
package gate.rules.terraform.aws.iam_user_access_key

import rego.v1

import data.gate.lib.aws
import data.gate.lib.terraform as tf

deny contains tf.finding(k, "", msg) if {
	some k in aws.managed("aws_iam_access_key")
	active(k)
	msg := sprintf("%s creates a long-lived access key for an IAM user; use a role instead", [k.address])
}

active(k) if tf.missing(k, "status")

active(k) if k.values.status == "Active"
