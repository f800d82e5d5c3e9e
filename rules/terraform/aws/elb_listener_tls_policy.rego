# METADATA
# title: Load balancer TLS listener uses a TLS 1.2+ security policy
# description: >-
#   Security policies such as ELBSecurityPolicy-2016-08 (the API default),
#   the TLS-1-0/TLS-1-1 and TLS13-1-0/TLS13-1-1 families still negotiate
#   TLS 1.0 or 1.1, whose weaknesses allow downgrade and decryption attacks.
# custom:
#   id: GATE-AWS-ELB-002
#   severity: medium
#   remediation: |-
#     Choose a policy that accepts TLS 1.2 or later only:
#     ```hcl
#     resource "aws_lb_listener" "https" {
#       load_balancer_arn = aws_lb.this.arn
#       port              = 443
#       protocol          = "HTTPS"
#       ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
#       certificate_arn   = aws_acm_certificate.this.arn
#       default_action {
#         type             = "forward"
#         target_group_arn = aws_lb_target_group.this.arn
#       }
#     }
#     ```
#   resource_types: [aws_lb_listener, aws_alb_listener]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.7]
#     iso27001_2022: [A.8.24]
#     nist_csf_2: [PR.DS-02]
#     nist_800_53r5: [SC-8(1), SC-13]
package gate.rules.terraform.aws.elb_listener_tls_policy

import rego.v1

import data.gate.lib.aws_services as aws
import data.gate.lib.terraform as tf

listeners := [l | some t in ["aws_lb_listener", "aws_alb_listener"]; some l in tf.resources(t)]

# Predefined policies that still accept TLS 1.0 or TLS 1.1.
outdated_policy := `^ELBSecurityPolicy-(20[0-9]{2}-[0-9]{2}|TLS-1-[01]-.*|FS-2018-06|FS-1-1-.*|TLS13-1-[01]-.*)$`

deny contains tf.finding(l, "ssl_policy", msg) if {
	some l in listeners
	tls_listener(l)
	p := aws.str_attr(l, "ssl_policy")
	regex.match(outdated_policy, p)
	msg := sprintf("Load balancer listener %s uses security policy %s, which still accepts TLS 1.0/1.1", [l.address, p])
}

deny contains tf.finding(l, "ssl_policy", msg) if {
	some l in listeners
	tls_listener(l)
	tf.missing(l, "ssl_policy")
	msg := sprintf("Load balancer listener %s sets no ssl_policy, so it gets ELBSecurityPolicy-2016-08, which accepts TLS 1.0/1.1", [l.address])
}

tls_listener(l) if aws.eq_ci(l.values.protocol, "HTTPS")

tls_listener(l) if aws.eq_ci(l.values.protocol, "TLS")
