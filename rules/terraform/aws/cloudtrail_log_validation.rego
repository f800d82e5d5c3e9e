# METADATA
# title: CloudTrail log file integrity validation is enabled
# description: >-
#   Without log file validation CloudTrail writes no signed digest files, so
#   a log file that was altered or deleted after delivery cannot be detected
#   and the trail loses its value as evidence.
# custom:
#   id: GATE-AWS-CT-002
#   severity: medium
#   remediation: |-
#     Turn on log file validation:
#     ```hcl
#     resource "aws_cloudtrail" "this" {
#       name                       = "org-audit"
#       s3_bucket_name             = aws_s3_bucket.trail.id
#       enable_log_file_validation = true
#     }
#     ```
#   resource_types: [aws_cloudtrail]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC7.2]
#     iso27001_2022: [A.8.15]
#     nist_csf_2: [PR.PS-04]
#     nist_800_53r5: [AU-9]
package gate.rules.terraform.aws.cloudtrail_log_validation

import rego.v1

import data.gate.lib.terraform as tf

deny contains tf.finding(t, "enable_log_file_validation", msg) if {
	some t in tf.resources("aws_cloudtrail")
	tf.missing_or_false(t, "enable_log_file_validation")
	msg := sprintf("CloudTrail trail %s does not enable log file integrity validation", [t.address])
}
