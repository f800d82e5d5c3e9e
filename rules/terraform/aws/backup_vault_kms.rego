# METADATA
# title: Backup vault encrypts recovery points with a customer managed key
# description: >-
#   A vault without kms_key_id uses the AWS managed aws/backup key, whose
#   policy the account cannot restrict, so anybody with backup permissions
#   can decrypt and share its recovery points; a customer managed key adds
#   an independent control over who may restore or copy them.
# custom:
#   id: GATE-AWS-BAK-002
#   severity: low
#   remediation: |-
#     Encrypt the vault with a customer managed key:
#     ```hcl
#     resource "aws_backup_vault" "this" {
#       name        = "prod"
#       kms_key_id  = aws_kms_key.backup.arn
#     }
#     ```
#   resource_types: [aws_backup_vault]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1, A1.2]
#     iso27001_2022: [A.8.24, A.8.13]
#     nist_csf_2: [PR.DS-11]
#     nist_800_53r5: [CP-9, SC-12]
package gate.rules.terraform.aws.backup_vault_kms

import rego.v1

import data.gate.lib.aws_services as aws
import data.gate.lib.terraform as tf

deny contains tf.finding(v, "kms_key_id", msg) if {
	some v in tf.resources("aws_backup_vault")
	not aws.present(v, "kms_key_id")
	msg := sprintf("Backup vault %s encrypts recovery points with the AWS managed key only (kms_key_id is not set)", [v.address])
}
