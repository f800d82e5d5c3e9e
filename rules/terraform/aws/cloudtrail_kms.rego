# METADATA
# title: CloudTrail logs are encrypted with a KMS key
# description: >-
#   Without a KMS key trail logs are protected only by S3-managed encryption,
#   so anyone allowed to read the log bucket can read every API call; SSE-KMS
#   adds a key policy that separately controls and audits who may decrypt.
# custom:
#   id: GATE-AWS-CT-003
#   severity: medium
#   remediation: |-
#     Encrypt the trail with a customer managed key whose policy lets
#     CloudTrail use it:
#     ```hcl
#     resource "aws_cloudtrail" "this" {
#       name           = "org-audit"
#       s3_bucket_name = aws_s3_bucket.trail.id
#       kms_key_id     = aws_kms_key.trail.arn
#     }
#     ```
#   resource_types: [aws_cloudtrail]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.8.24]
#     nist_csf_2: [PR.DS-01]
#     nist_800_53r5: [AU-9, SC-28]
package gate.rules.terraform.aws.cloudtrail_kms

import rego.v1

import data.gate.lib.terraform as tf

deny contains tf.finding(t, "kms_key_id", msg) if {
	some t in tf.resources("aws_cloudtrail")
	tf.missing(t, "kms_key_id")
	msg := sprintf("CloudTrail trail %s does not encrypt its logs with a KMS key (kms_key_id is not set)", [t.address])
}

deny contains tf.finding(t, "kms_key_id", msg) if {
	some t in tf.resources("aws_cloudtrail")
	t.values.kms_key_id == ""
	msg := sprintf("CloudTrail trail %s does not encrypt its logs with a KMS key (kms_key_id is empty)", [t.address])
}
