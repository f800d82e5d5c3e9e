# METADATA
# title: CloudFront custom origins do not allow SSLv3
# description: >-
#   Listing SSLv3 in origin_ssl_protocols lets CloudFront fall back to a
#   protocol broken by POODLE when it connects to the origin, exposing the
#   traffic between edge and origin.
# custom:
#   id: GATE-AWS-CF-004
#   severity: medium
#   remediation: |-
#     Allow TLS 1.2 only towards the origin:
#     ```hcl
#     resource "aws_cloudfront_distribution" "this" {
#       origin {
#         domain_name = "app.example.com"
#         origin_id   = "app"
#         custom_origin_config {
#           http_port              = 80
#           https_port             = 443
#           origin_protocol_policy = "https-only"
#           origin_ssl_protocols   = ["TLSv1.2"]
#         }
#       }
#     }
#     ```
#   resource_types: [aws_cloudfront_distribution]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.7]
#     iso27001_2022: [A.8.24]
#     nist_csf_2: [PR.DS-02]
#     nist_800_53r5: [SC-8(1), SC-13]
package gate.rules.terraform.aws.cloudfront_origin_ssl

import rego.v1

import data.gate.lib.aws_services as aws
import data.gate.lib.terraform as tf

deny contains tf.finding(d, sprintf("origin[%d].custom_origin_config[%d].origin_ssl_protocols", [i, j]), msg) if {
	some d in tf.resources("aws_cloudfront_distribution")
	some i, o in tf.blocks(d, "origin")
	some j, c in o.custom_origin_config
	some p in c.origin_ssl_protocols
	aws.eq_ci(p, "SSLv3")
	msg := sprintf("CloudFront distribution %s allows SSLv3 towards origin %s", [d.address, origin_name(o)])
}

origin_name(o) := o.origin_id if is_string(o.origin_id)

origin_name(o) := "(unnamed)" if not is_string(o.origin_id)
