# METADATA
# title: EC2 instances do not get public IP addresses by configuration
# description: >-
#   An instance with a public IP address is reachable from the internet
#   whenever a security group or network ACL allows it, bypassing load
#   balancers, NAT and the other controls at the VPC edge. The rule fails an
#   aws_instance or aws_launch_configuration that sets
#   associate_public_ip_address = true and an aws_launch_template whose
#   network_interfaces set it to true. Only an explicit true fires: the
#   subnet default (map_public_ip_on_launch) is not judged here.
# custom:
#   id: GATE-AWS-EC2-005
#   severity: medium
#   remediation: |-
#     Launch into private subnets and reach instances through a load
#     balancer, NAT or SSM:
#     ```hcl
#     resource "aws_instance" "app" {
#       # ...
#       subnet_id                   = aws_subnet.private.id
#       associate_public_ip_address = false
#     }
#     ```
#   resource_types: [aws_instance, aws_launch_template, aws_launch_configuration]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.6]
#     iso27001_2022: [A.8.20, A.8.22]
#     nist_csf_2: [PR.IR-01]
#     nist_800_53r5: [SC-7]
package gate.rules.terraform.aws.ec2_public_ip

import rego.v1

import data.gate.lib.aws
import data.gate.lib.terraform as tf

deny contains tf.finding(i, "associate_public_ip_address", msg) if {
	some t in ["aws_instance", "aws_launch_configuration"]
	some i in aws.managed(t)
	is_true(i.values.associate_public_ip_address)
	msg := sprintf("%s assigns a public IP address (associate_public_ip_address = true)", [i.address])
}

deny contains tf.finding(lt, sprintf("network_interfaces[%d].associate_public_ip_address", [n]), msg) if {
	some lt in aws.managed("aws_launch_template")
	nis := lt.values.network_interfaces
	is_array(nis)
	some n, ni in nis
	is_object(ni)
	is_true(ni.associate_public_ip_address)
	msg := sprintf("%s assigns a public IP address to instances it launches (network_interfaces.associate_public_ip_address = true)", [lt.address])
}

# Launch templates keep this as a string ("true") in plans.
is_true(v) if v == true

is_true(v) if v == "true"
