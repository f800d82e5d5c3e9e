# METADATA
# title: S3 bucket versioning is enabled
# description: >-
#   Without versioning an overwritten or deleted object cannot be recovered,
#   so a mistaken or malicious change destroys data that backups rely on. The
#   rule first looks for an aws_s3_bucket_versioning joined to the bucket (by
#   reference or bucket name) and judges its status, which must be Enabled.
#   Only when no such resource exists (and none with an unresolved bucket
#   could be it) does it read the legacy versioning block: absent, empty or
#   enabled = false fails; unknown (provider v4+ plans compute it) does not.
#   Buckets with Object Lock are skipped, since Object Lock turns versioning on.
# custom:
#   id: GATE-AWS-S3-003
#   severity: medium
#   remediation: |-
#     Enable versioning on the bucket:
#     ```hcl
#     resource "aws_s3_bucket_versioning" "this" {
#       bucket = aws_s3_bucket.this.id
#       versioning_configuration {
#         status = "Enabled"
#       }
#     }
#     ```
#   resource_types: [aws_s3_bucket, aws_s3_bucket_versioning]
#   sources: [plan, hcl]
#   controls:
#     soc2: [A1.2, CC6.1]
#     iso27001_2022: [A.8.13]
#     nist_csf_2: [PR.DS-11]
#     nist_800_53r5: [CP-9]
package gate.rules.terraform.aws.s3_versioning

import rego.v1

import data.gate.lib.aws
import data.gate.lib.terraform as tf

deny contains tf.finding(b, "versioning", msg) if {
	some b in aws.managed("aws_s3_bucket")
	not legacy_enabled(b)
	not tf.has_unknown(b, "versioning")
	not object_lock_maybe(b)
	aws.not_configured_by("aws_s3_bucket_versioning", "bucket", b)
	msg := sprintf("S3 bucket %s does not enable versioning: no aws_s3_bucket_versioning for it and no enabled versioning block", [b.address])
}

deny contains tf.finding(v, "versioning_configuration[0].status", msg) if {
	some v in aws.managed("aws_s3_bucket_versioning")
	status := tf.block(v, "versioning_configuration").status
	aws.known_string(status)
	status != "Enabled"
	msg := sprintf("%s sets versioning status %q; it must be \"Enabled\"", [v.address, status])
}

legacy_enabled(b) if tf.block(b, "versioning").enabled == true

object_lock_maybe(b) if tf.is_true(b, "object_lock_enabled")

object_lock_maybe(b) if tf.is_unknown(b.values.object_lock_enabled)

object_lock_maybe(b) if tf.block(b, "object_lock_configuration").object_lock_enabled == "Enabled"

object_lock_maybe(b) if tf.has_unknown(b, "object_lock_configuration")
