# METADATA
# title: Default security group allows no traffic
# description: >-
#   Every VPC has a default security group that resources join when no other
#   group is given; by default it allows all traffic between its members and
#   all egress. Keeping it empty means a resource launched without a chosen
#   group has no network access rather than unexpected access. Declaring
#   aws_default_security_group without rules removes them. The rule fails an
#   aws_default_security_group with ingress or egress rules, and any
#   aws_security_group_rule or aws_vpc_security_group_(ingress|egress)_rule
#   that adds a rule to it.
# custom:
#   id: GATE-AWS-EC2-006
#   severity: medium
#   remediation: |-
#     Take over the default security group and leave it without rules:
#     ```hcl
#     resource "aws_default_security_group" "default" {
#       vpc_id = aws_vpc.main.id
#     }
#     ```
#   resource_types: [aws_default_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule, aws_vpc_security_group_egress_rule]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.6]
#     iso27001_2022: [A.8.20, A.8.22]
#     nist_csf_2: [PR.IR-01]
#     nist_800_53r5: [SC-7, SC-7(5)]
package gate.rules.terraform.aws.ec2_default_sg_closed

import rego.v1

import data.gate.lib.aws
import data.gate.lib.terraform as tf

deny contains tf.finding(g, dir, msg) if {
	some g in aws.managed("aws_default_security_group")
	some dir in ["ingress", "egress"]
	rules := g.values[dir]
	is_array(rules)
	some rule in rules
	is_object(rule)
	msg := sprintf("default security group %s has %s rules; it should allow no traffic", [g.address, dir])
}

deny contains tf.finding(r, "security_group_id", msg) if {
	some g in aws.managed("aws_default_security_group")
	some t in ["aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"]
	some r in aws.configured_set(t, "security_group_id", g)
	msg := sprintf("%s adds a rule to the default security group %s; it should allow no traffic", [r.address, g.address])
}
