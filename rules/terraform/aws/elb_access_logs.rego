# METADATA
# title: Load balancer access logging is enabled
# description: >-
#   Without access logs there is no record of who sent which request through
#   an Application or Classic Load Balancer, which leaves attacks and data
#   exfiltration through it uninvestigable.
# custom:
#   id: GATE-AWS-ELB-003
#   severity: medium
#   remediation: |-
#     Write access logs to a bucket the load balancer may write to:
#     ```hcl
#     resource "aws_lb" "this" {
#       name = "web"
#       access_logs {
#         bucket  = aws_s3_bucket.lb_logs.id
#         prefix  = "web"
#         enabled = true
#       }
#     }
#     ```
#   resource_types: [aws_lb, aws_alb, aws_elb]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC7.2]
#     iso27001_2022: [A.8.15]
#     nist_csf_2: [PR.PS-04]
#     nist_800_53r5: [AU-2, AU-12]
package gate.rules.terraform.aws.elb_access_logs

import rego.v1

import data.gate.lib.aws_services as aws
import data.gate.lib.terraform as tf

balancers := [b | some t in ["aws_lb", "aws_alb"]; some b in tf.resources(t)]

# Application Load Balancers: access_logs.enabled defaults to false.
deny contains tf.finding(b, "access_logs", msg) if {
	some b in balancers
	aws.alb(b)
	not tf.has_unknown(b, "access_logs")
	not alb_logging(b)
	msg := sprintf("Application Load Balancer %s does not enable access logs", [b.address])
}

alb_logging(b) if {
	some l in tf.blocks(b, "access_logs")
	l.enabled == true
}

# Classic Load Balancers: access_logs.enabled defaults to true.
deny contains tf.finding(b, "access_logs", msg) if {
	some b in tf.resources("aws_elb")
	not tf.has_unknown(b, "access_logs")
	count(tf.blocks(b, "access_logs")) == 0
	msg := sprintf("Classic Load Balancer %s does not configure access logs", [b.address])
}

deny contains tf.finding(b, "access_logs[0].enabled", msg) if {
	some b in tf.resources("aws_elb")
	some l in tf.blocks(b, "access_logs")
	l.enabled == false
	msg := sprintf("Classic Load Balancer %s disables access logs (access_logs.enabled = false)", [b.address])
}
