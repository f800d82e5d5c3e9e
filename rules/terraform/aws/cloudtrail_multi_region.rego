# METADATA
# title: CloudTrail trail covers all regions and global service events
# description: >-
#   A trail that records only its home region misses API activity in every
#   other region, where an attacker can start resources unseen, and a trail
#   that leaves out global service events misses IAM, STS and CloudFront
#   calls. Trails that select data events only (supplementary trails) are
#   not judged.
# custom:
#   id: GATE-AWS-CT-001
#   severity: medium
#   remediation: |-
#     Record every region and the global services:
#     ```hcl
#     resource "aws_cloudtrail" "this" {
#       name                          = "org-audit"
#       s3_bucket_name                = aws_s3_bucket.trail.id
#       is_multi_region_trail         = true
#       include_global_service_events = true
#     }
#     ```
#   resource_types: [aws_cloudtrail]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC7.2]
#     iso27001_2022: [A.8.15]
#     nist_csf_2: [PR.PS-04]
#     nist_800_53r5: [AU-2, AU-12]
package gate.rules.terraform.aws.cloudtrail_multi_region

import rego.v1

import data.gate.lib.aws_services as aws
import data.gate.lib.terraform as tf

deny contains tf.finding(t, "is_multi_region_trail", msg) if {
	some t in tf.resources("aws_cloudtrail")
	not aws.trail_data_events_only(t)
	tf.missing_or_false(t, "is_multi_region_trail")
	msg := sprintf("CloudTrail trail %s records API activity in one region only (is_multi_region_trail is not true)", [t.address])
}

deny contains tf.finding(t, "include_global_service_events", msg) if {
	some t in tf.resources("aws_cloudtrail")
	not aws.trail_data_events_only(t)
	tf.is_true(t, "is_multi_region_trail")
	tf.is_false(t, "include_global_service_events")
	msg := sprintf("CloudTrail trail %s excludes global service events such as IAM and STS (include_global_service_events = false)", [t.address])
}
