# METADATA
# title: CloudFront custom certificate requires TLS 1.2 (2021 policy) or later
# description: >-
#   A distribution with its own certificate and a minimum protocol version
#   below TLSv1.2_2021 (or none, which means TLSv1) still negotiates SSLv3,
#   TLS 1.0/1.1 or weak TLS 1.2 ciphers with viewers. Distributions on the
#   default *.cloudfront.net certificate cannot choose and are not judged.
# custom:
#   id: GATE-AWS-CF-002
#   severity: medium
#   remediation: |-
#     Set a current security policy on the viewer certificate:
#     ```hcl
#     resource "aws_cloudfront_distribution" "this" {
#       viewer_certificate {
#         acm_certificate_arn      = aws_acm_certificate.cdn.arn
#         ssl_support_method       = "sni-only"
#         minimum_protocol_version = "TLSv1.2_2021"
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
package gate.rules.terraform.aws.cloudfront_tls_version

import rego.v1

import data.gate.lib.aws_services as aws
import data.gate.lib.terraform as tf

outdated := {"SSLv3", "TLSv1", "TLSv1_2016", "TLSv1.1_2016", "TLSv1.2_2018", "TLSv1.2_2019"}

deny contains tf.finding(d, "viewer_certificate[0].minimum_protocol_version", msg) if {
	some d in tf.resources("aws_cloudfront_distribution")
	vc := tf.block(d, "viewer_certificate")
	custom_certificate(vc)
	v := vc.minimum_protocol_version
	v in outdated
	msg := sprintf("CloudFront distribution %s accepts viewer connections below TLS 1.2 (minimum_protocol_version = %q)", [d.address, v])
}

deny contains tf.finding(d, "viewer_certificate", msg) if {
	some d in tf.resources("aws_cloudfront_distribution")
	vc := tf.block(d, "viewer_certificate")
	custom_certificate(vc)
	object.get(vc, "minimum_protocol_version", null) == null
	msg := sprintf("CloudFront distribution %s sets no minimum_protocol_version for its certificate, so viewers may use TLSv1", [d.address])
}

# A certificate of its own (ACM or IAM), not the default *.cloudfront.net one.
custom_certificate(vc) if {
	not default_certificate(vc)
	some k in ["acm_certificate_arn", "iam_certificate_id"]
	aws.present({"values": vc}, k)
}

default_certificate(vc) if vc.cloudfront_default_certificate == true

default_certificate(vc) if tf.is_unknown(vc.cloudfront_default_certificate)
