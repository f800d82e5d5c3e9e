# METADATA
# title: Application Load Balancer drops invalid HTTP header fields
# description: >-
#   An Application Load Balancer that forwards header fields with invalid
#   names lets clients smuggle ambiguous headers to targets, the basis of
#   HTTP desync and request-smuggling attacks.
# custom:
#   id: GATE-AWS-ELB-004
#   severity: medium
#   remediation: |-
#     Drop invalid header fields:
#     ```hcl
#     resource "aws_lb" "this" {
#       name                       = "web"
#       load_balancer_type         = "application"
#       drop_invalid_header_fields = true
#     }
#     ```
#   resource_types: [aws_lb, aws_alb]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.6]
#     iso27001_2022: [A.8.20]
#     nist_csf_2: [PR.IR-01]
#     nist_800_53r5: [SI-10, SC-7]
package gate.rules.terraform.aws.elb_drop_invalid_headers

import rego.v1

import data.gate.lib.aws_services as aws
import data.gate.lib.terraform as tf

deny contains tf.finding(b, "drop_invalid_header_fields", msg) if {
	some t in ["aws_lb", "aws_alb"]
	some b in tf.resources(t)
	aws.alb(b)
	tf.missing_or_false(b, "drop_invalid_header_fields")
	msg := sprintf("Application Load Balancer %s forwards invalid HTTP header fields (drop_invalid_header_fields is not true)", [b.address])
}
