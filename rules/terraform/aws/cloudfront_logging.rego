# METADATA
# title: CloudFront distribution has access logging
# description: >-
#   Without standard logging a distribution keeps no record of the requests
#   it served, so abuse, scraping or data exfiltration through the CDN
#   cannot be investigated. Logging configured through a CloudWatch log
#   delivery source (standard logging v2) also counts.
# custom:
#   id: GATE-AWS-CF-003
#   severity: medium
#   remediation: |-
#     Log requests to an S3 bucket:
#     ```hcl
#     resource "aws_cloudfront_distribution" "this" {
#       logging_config {
#         bucket          = aws_s3_bucket.cdn_logs.bucket_domain_name
#         prefix          = "cdn/"
#         include_cookies = false
#       }
#     }
#     ```
#   resource_types: [aws_cloudfront_distribution, aws_cloudwatch_log_delivery_source]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC7.2]
#     iso27001_2022: [A.8.15]
#     nist_csf_2: [PR.PS-04]
#     nist_800_53r5: [AU-2, AU-12]
package gate.rules.terraform.aws.cloudfront_logging

import rego.v1

import data.gate.lib.aws_services as aws
import data.gate.lib.terraform as tf

deny contains tf.finding(d, "logging_config", msg) if {
	some d in tf.resources("aws_cloudfront_distribution")
	not tf.has_unknown(d, "logging_config")
	count(tf.blocks(d, "logging_config")) == 0
	not aws.referenced_by(d, "aws_cloudwatch_log_delivery_source", "resource_arn")
	not aws.unresolved_reference("aws_cloudwatch_log_delivery_source", "resource_arn", "aws_cloudfront_distribution")
	msg := sprintf("CloudFront distribution %s does not log the requests it serves (no logging_config)", [d.address])
}
