# METADATA
# title: S3 bucket declares default encryption
# description: >-
#   Default server-side encryption makes every object written to the bucket
#   encrypted at rest whatever the writer asks for. AWS has applied SSE-S3
#   (AES256) to new objects by default since January 2023, so this rule asks
#   for the encryption to be declared, which also fixes the choice of key in
#   code. It passes any declared algorithm (AES256, aws:kms, aws:kms:dsse) and
#   fails only a bucket whose legacy server_side_encryption_configuration block
#   is absent or empty (not unknown: provider v4+ leaves it computed in plans,
#   and AWS reports the default for existing buckets) and that has no
#   aws_s3_bucket_server_side_encryption_configuration joined to it by
#   reference or by bucket name. A configuration resource whose bucket cannot
#   be resolved keeps every bucket from failing.
# custom:
#   id: GATE-AWS-S3-002
#   severity: medium
#   remediation: |-
#     Declare default encryption for the bucket:
#     ```hcl
#     resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
#       bucket = aws_s3_bucket.this.id
#       rule {
#         apply_server_side_encryption_by_default {
#           sse_algorithm     = "aws:kms"
#           kms_master_key_id = aws_kms_key.s3.arn
#         }
#         bucket_key_enabled = true
#       }
#     }
#     ```
#   resource_types: [aws_s3_bucket, aws_s3_bucket_server_side_encryption_configuration]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1, CC6.7]
#     iso27001_2022: [A.8.24]
#     nist_csf_2: [PR.DS-01]
#     nist_800_53r5: [SC-13, SC-28]
package gate.rules.terraform.aws.s3_encryption

import rego.v1

import data.gate.lib.aws
import data.gate.lib.terraform as tf

deny contains tf.finding(b, "server_side_encryption_configuration", msg) if {
	some b in aws.managed("aws_s3_bucket")
	no_inline_configuration(b)
	aws.not_configured_by("aws_s3_bucket_server_side_encryption_configuration", "bucket", b)
	msg := sprintf("S3 bucket %s declares no default encryption: no server_side_encryption_configuration block and no aws_s3_bucket_server_side_encryption_configuration for it", [b.address])
}

no_inline_configuration(b) if tf.missing(b, "server_side_encryption_configuration")

no_inline_configuration(b) if b.values.server_side_encryption_configuration == []
