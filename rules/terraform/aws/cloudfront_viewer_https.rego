# METADATA
# title: CloudFront cache behaviors do not allow plain HTTP
# description: >-
#   With viewer_protocol_policy = "allow-all" a distribution serves content
#   and accepts cookies and form posts over unencrypted HTTP, open to
#   interception and tampering between viewer and edge.
# custom:
#   id: GATE-AWS-CF-001
#   severity: high
#   remediation: |-
#     Redirect viewers to HTTPS (or accept HTTPS only) in every cache behavior:
#     ```hcl
#     resource "aws_cloudfront_distribution" "this" {
#       default_cache_behavior {
#         viewer_protocol_policy = "redirect-to-https"
#       }
#       ordered_cache_behavior {
#         path_pattern           = "/api/*"
#         viewer_protocol_policy = "https-only"
#       }
#     }
#     ```
#   resource_types: [aws_cloudfront_distribution]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.7]
#     iso27001_2022: [A.8.24]
#     nist_csf_2: [PR.DS-02]
#     nist_800_53r5: [SC-8, SC-8(1)]
package gate.rules.terraform.aws.cloudfront_viewer_https

import rego.v1

import data.gate.lib.aws_services as aws
import data.gate.lib.terraform as tf

deny contains tf.finding(d, sprintf("%s[%d].viewer_protocol_policy", [kind, i]), msg) if {
	some d in tf.resources("aws_cloudfront_distribution")
	some kind in ["default_cache_behavior", "ordered_cache_behavior"]
	some i, b in tf.blocks(d, kind)
	aws.eq_ci(b.viewer_protocol_policy, "allow-all")
	msg := sprintf("CloudFront distribution %s lets viewers use plain HTTP in %s (viewer_protocol_policy = \"allow-all\")", [d.address, describe(kind, b)])
}

describe("default_cache_behavior", _) := "the default cache behavior"

describe("ordered_cache_behavior", b) := sprintf("the cache behavior for %s", [b.path_pattern]) if is_string(b.path_pattern)

describe("ordered_cache_behavior", b) := "an ordered cache behavior" if not is_string(b.path_pattern)
