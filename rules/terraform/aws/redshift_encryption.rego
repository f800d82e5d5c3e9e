# METADATA
# title: Redshift cluster is encrypted at rest
# description: >-
#   A cluster created with encrypted = false stores its data blocks, system
#   metadata and snapshots unencrypted. Provider versions before 6.0
#   default to false and write it into the plan; an argument absent from
#   source is not judged because newer versions default to true.
# custom:
#   id: GATE-AWS-RS-001
#   severity: high
#   remediation: |-
#     Encrypt the cluster:
#     ```hcl
#     resource "aws_redshift_cluster" "this" {
#       cluster_identifier = "analytics"
#       node_type          = "ra3.xlplus"
#       encrypted          = true
#       kms_key_id         = aws_kms_key.redshift.arn
#     }
#     ```
#   resource_types: [aws_redshift_cluster]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.8.24]
#     nist_csf_2: [PR.DS-01]
#     nist_800_53r5: [SC-28, SC-28(1)]
package gate.rules.terraform.aws.redshift_encryption

import rego.v1

import data.gate.lib.aws_services as aws
import data.gate.lib.terraform as tf

deny contains tf.finding(c, "encrypted", msg) if {
	some c in tf.resources("aws_redshift_cluster")
	unencrypted(c)
	msg := sprintf("Redshift cluster %s is not encrypted at rest (encrypted = false)", [c.address])
}

unencrypted(c) if tf.is_false(c, "encrypted")

unencrypted(c) if aws.eq_ci(c.values.encrypted, "false")
