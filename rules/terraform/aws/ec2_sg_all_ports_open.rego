# METADATA
# title: Security group does not open all ports to the internet
# description: >-
#   An ingress permission for every protocol (-1) or every TCP/UDP port from
#   0.0.0.0/0 or ::/0 exposes whatever listens on the instance, including
#   services never meant to be reachable. The rule reads inline ingress blocks
#   of aws_security_group and aws_default_security_group,
#   aws_security_group_rule of type ingress and
#   aws_vpc_security_group_ingress_rule, and fails a permission from an
#   all-addresses CIDR that covers ports 1-65535 (or all protocols). Unknown
#   CIDRs, protocols or ports do not fire.
# custom:
#   id: GATE-AWS-EC2-002
#   severity: high
#   remediation: |-
#     Open only the ports the service needs:
#     ```hcl
#     resource "aws_vpc_security_group_ingress_rule" "https" {
#       security_group_id = aws_security_group.web.id
#       cidr_ipv4         = "0.0.0.0/0"
#       ip_protocol       = "tcp"
#       from_port         = 443
#       to_port           = 443
#     }
#     ```
#   resource_types: [aws_security_group, aws_default_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.6]
#     iso27001_2022: [A.8.20, A.8.22]
#     nist_csf_2: [PR.IR-01]
#     nist_800_53r5: [SC-7, CM-7]
package gate.rules.terraform.aws.ec2_sg_all_ports_open

import rego.v1

import data.gate.lib.aws
import data.gate.lib.terraform as tf

deny contains tf.finding(p.resource, p.attribute, msg) if {
	some p in aws.world_ingress
	aws.all_ports(p.range)
	msg := sprintf("%s allows ingress from %s on all %s", [p.resource.address, p.cidr, what(p.range)])
}

what(rng) := "protocols and ports" if rng.protocol == "all"

else := sprintf("%s ports", [upper(rng.protocol)])
