# METADATA
# title: Load balancer listener serves HTTPS or redirects to it
# description: >-
#   An HTTP listener sends requests, cookies and credentials in clear text.
#   A plain HTTP listener is acceptable only when its default action
#   redirects every request to HTTPS.
# custom:
#   id: GATE-AWS-ELB-001
#   severity: high
#   remediation: |-
#     Serve HTTPS, and make the HTTP listener redirect to it:
#     ```hcl
#     resource "aws_lb_listener" "http" {
#       load_balancer_arn = aws_lb.this.arn
#       port              = 80
#       protocol          = "HTTP"
#       default_action {
#         type = "redirect"
#         redirect {
#           port        = "443"
#           protocol    = "HTTPS"
#           status_code = "HTTP_301"
#         }
#       }
#     }
#     ```
#   resource_types: [aws_lb_listener, aws_alb_listener]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.7]
#     iso27001_2022: [A.8.24, A.8.20]
#     nist_csf_2: [PR.DS-02]
#     nist_800_53r5: [SC-8, SC-8(1)]
package gate.rules.terraform.aws.elb_listener_https

import rego.v1

import data.gate.lib.aws_services as aws
import data.gate.lib.terraform as tf

listeners := [l | some t in ["aws_lb_listener", "aws_alb_listener"]; some l in tf.resources(t)]

balancers := [b | some t in ["aws_lb", "aws_alb"]; some b in tf.resources(t)]

deny contains tf.finding(l, "protocol", msg) if {
	some l in listeners
	plain_http(l)
	not redirects_to_https(l)
	not may_redirect(l)
	msg := sprintf("Load balancer listener %s accepts plain HTTP and does not redirect it to HTTPS", [l.address])
}

plain_http(l) if aws.eq_ci(l.values.protocol, "HTTP")

# protocol defaults to HTTP on an Application Load Balancer.
plain_http(l) if {
	tf.missing(l, "protocol")
	some b in balancers
	tf.refers(l, "load_balancer_arn", b)
	aws.alb(b)
}

# may_redirect(l): an action that is not known before apply (a dynamic
# block), or whose type or redirect protocol is not, might be a redirect to
# HTTPS.
may_redirect(l) if tf.is_unknown(l.values.default_action)

may_redirect(l) if {
	some a in l.values.default_action
	tf.is_unknown(a)
}

may_redirect(l) if {
	some a in tf.blocks(l, "default_action")
	tf.is_unknown(a.type)
}

may_redirect(l) if {
	some a in tf.blocks(l, "default_action")
	aws.eq_ci(a.type, "redirect")
	tf.is_unknown(a.redirect)
}

may_redirect(l) if {
	some a in tf.blocks(l, "default_action")
	aws.eq_ci(a.type, "redirect")
	some rd in a.redirect
	tf.is_unknown(rd)
}

may_redirect(l) if {
	some a in tf.blocks(l, "default_action")
	aws.eq_ci(a.type, "redirect")
	some rd in a.redirect
	tf.is_unknown(rd.protocol)
}

redirects_to_https(l) if {
	some a in tf.blocks(l, "default_action")
	aws.eq_ci(a.type, "redirect")
	some rd in a.redirect
	aws.eq_ci(rd.protocol, "HTTPS")
}
