# METADATA
# title: Security group does not open database or legacy service ports to the internet
# description: >-
#   Databases, caches, search engines, container daemons and legacy
#   protocols (FTP, Telnet, SMB, VNC, MS RPC) are frequent targets when
#   reachable from anywhere, and rarely meant to be. The rule reads the same
#   ingress permissions as GATE-AWS-EC2-001 and fails one from 0.0.0.0/0 or
#   ::/0 whose TCP port range covers a port of the ports parameter. Ranges
#   that open every port are left to GATE-AWS-EC2-002 and SSH/RDP to
#   GATE-AWS-EC2-001. Unknown CIDRs, protocols or ports do not fire.
# custom:
#   id: GATE-AWS-EC2-007
#   severity: high
#   remediation: |-
#     Allow the port only from the networks or security groups of the
#     clients:
#     ```hcl
#     resource "aws_vpc_security_group_ingress_rule" "postgres" {
#       security_group_id            = aws_security_group.db.id
#       referenced_security_group_id = aws_security_group.app.id
#       ip_protocol                  = "tcp"
#       from_port                    = 5432
#       to_port                      = 5432
#     }
#     ```
#   resource_types: [aws_security_group, aws_default_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.6]
#     iso27001_2022: [A.8.20, A.8.22]
#     nist_csf_2: [PR.IR-01]
#     nist_800_53r5: [SC-7, CM-7]
#   params:
#     ports: [20, 21, 23, 135, 445, 1433, 1521, 2375, 2376, 3306, 5432, 5900, 6379, 9200, 9300, 11211, 27017]
package gate.rules.terraform.aws.ec2_sg_service_ports_open

import rego.v1

import data.gate.lib.aws
import data.gate.lib.params
import data.gate.lib.terraform as tf

default_ports := [20, 21, 23, 135, 445, 1433, 1521, 2375, 2376, 3306, 5432, 5900, 6379, 9200, 9300, 11211, 27017]

ports := ps if {
	ps := params.param("GATE-AWS-EC2-007", "ports", default_ports)
	is_array(ps)
	every p in ps {
		is_number(p)
	}
} else := default_ports

# SSH and RDP belong to GATE-AWS-EC2-001.
excluded := {22, 3389}

deny contains tf.finding(p.resource, p.attribute, msg) if {
	some p in aws.world_ingress
	not aws.all_ports(p.range)
	open := sort({port | some port in ports; not port in excluded; aws.exposes(p.range, port, {"tcp"})})
	count(open) > 0
	msg := sprintf("%s allows ingress from %s to port %s", [p.resource.address, p.cidr, concat(", ", [aws.port_label(x) | some x in open])])
}
