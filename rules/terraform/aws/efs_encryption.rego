# METADATA
# title: EFS file system is encrypted at rest
# description: >-
#   A file system created without encrypted = true stores file data and
#   metadata unencrypted, and encryption cannot be turned on later without
#   copying everything to a new file system.
# custom:
#   id: GATE-AWS-EFS-001
#   severity: high
#   remediation: |-
#     Create the file system encrypted:
#     ```hcl
#     resource "aws_efs_file_system" "this" {
#       creation_token = "shared"
#       encrypted      = true
#       kms_key_id     = aws_kms_key.efs.arn
#     }
#     ```
#   resource_types: [aws_efs_file_system]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.8.24]
#     nist_csf_2: [PR.DS-01]
#     nist_800_53r5: [SC-28, SC-28(1)]
package gate.rules.terraform.aws.efs_encryption

import rego.v1

import data.gate.lib.terraform as tf

deny contains tf.finding(f, "encrypted", msg) if {
	some f in tf.resources("aws_efs_file_system")
	tf.missing_or_false(f, "encrypted")
	msg := sprintf("EFS file system %s is not encrypted at rest", [f.address])
}
