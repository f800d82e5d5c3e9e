# METADATA
# title: S3 bucket server access logging is enabled
# description: >-
#   Server access logs record every request made to a bucket and are what an
#   investigation needs to tell who read or changed data. The rule fails a
#   bucket with no legacy logging block (absent or empty, not unknown) and no
#   aws_s3_bucket_logging joined to it by reference or bucket name (a logging
#   resource whose bucket cannot be resolved keeps every bucket from failing).
#   A bucket that is itself the target of access logs in the same
#   configuration is not required to log: logging a log bucket only
#   duplicates or loops records.
# custom:
#   id: GATE-AWS-S3-004
#   severity: low
#   remediation: |-
#     Send the bucket's access logs to a dedicated log bucket:
#     ```hcl
#     resource "aws_s3_bucket_logging" "this" {
#       bucket        = aws_s3_bucket.this.id
#       target_bucket = aws_s3_bucket.access_logs.id
#       target_prefix = "s3/${aws_s3_bucket.this.id}/"
#     }
#     ```
#   resource_types: [aws_s3_bucket, aws_s3_bucket_logging]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC7.2]
#     iso27001_2022: [A.8.15]
#     nist_csf_2: [PR.PS-04, DE.CM-09]
#     nist_800_53r5: [AU-2, AU-12]
package gate.rules.terraform.aws.s3_access_logging

import rego.v1

import data.gate.lib.aws
import data.gate.lib.terraform as tf

deny contains tf.finding(b, "logging", msg) if {
	some b in aws.managed("aws_s3_bucket")
	no_inline_logging(b)
	aws.not_configured_by("aws_s3_bucket_logging", "bucket", b)
	not log_target(b)
	msg := sprintf("S3 bucket %s has no server access logging: no logging block and no aws_s3_bucket_logging for it", [b.address])
}

no_inline_logging(b) if tf.missing(b, "logging")

no_inline_logging(b) if b.values.logging == []

# log_target(b): some logging configuration in this document writes to b.
log_target(b) if count(aws.configured_set("aws_s3_bucket_logging", "target_bucket", b)) > 0

log_target(b) if b.config_address in legacy_target_refs

log_target(b) if {
	some v in aws.identities(b)
	v in legacy_target_names
}

# The targets of legacy logging blocks, by reference and by known name.
legacy_target_refs contains a if {
	some o in aws.managed("aws_s3_bucket")
	some a in aws.attr_refs(o, "logging.target_bucket")
}

legacy_target_names contains v if {
	some o in aws.managed("aws_s3_bucket")
	some lg in tf.blocks(o, "logging")
	v := lg.target_bucket
	aws.known_string(v)
}
