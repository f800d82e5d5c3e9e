# METADATA
# title: Security group does not open SSH or RDP to the internet
# description: >-
#   SSH (22/tcp) and RDP (3389/tcp, udp) reachable from 0.0.0.0/0 or ::/0
#   expose remote administration to password spraying, credential stuffing
#   and exploits from the whole internet. The rule reads inline ingress blocks
#   of aws_security_group and aws_default_security_group,
#   aws_security_group_rule of type ingress and
#   aws_vpc_security_group_ingress_rule, and fails a permission from an
#   all-addresses CIDR whose protocol and port range cover port 22 or 3389
#   (protocol -1 covers every port). Unknown CIDRs, protocols or ports do not
#   fire.
# custom:
#   id: GATE-AWS-EC2-001
#   severity: high
#   remediation: |-
#     Allow administration only from known networks (or use SSM Session
#     Manager and no inbound rule at all):
#     ```hcl
#     resource "aws_vpc_security_group_ingress_rule" "ssh" {
#       security_group_id = aws_security_group.this.id
#       cidr_ipv4         = "10.20.0.0/16" # VPN / bastion range
#       ip_protocol       = "tcp"
#       from_port         = 22
#       to_port           = 22
#     }
#     ```
#   resource_types: [aws_security_group, aws_default_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1, CC6.6]
#     iso27001_2022: [A.8.20, A.8.22]
#     nist_csf_2: [PR.IR-01]
#     nist_800_53r5: [AC-17, SC-7]
package gate.rules.terraform.aws.ec2_sg_remote_admin_open

import rego.v1

import data.gate.lib.aws
import data.gate.lib.terraform as tf

admin_ports := {22: {"tcp"}, 3389: {"tcp", "udp"}}

deny contains tf.finding(p.resource, p.attribute, msg) if {
	some p in aws.world_ingress
	ports := sort([port | some port, protocols in admin_ports; aws.exposes(p.range, port, protocols)])
	count(ports) > 0
	msg := sprintf("%s allows ingress from %s to port %s", [p.resource.address, p.cidr, concat(" and ", [aws.port_label(x) | some x in ports])])
}
