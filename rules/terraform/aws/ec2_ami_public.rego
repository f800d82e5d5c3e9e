# METADATA
# title: AMIs are not shared publicly
# description: >-
#   An AMI launch permission for the group "all" lets every AWS account copy
#   and boot the image, with whatever data, keys and credentials were baked
#   into it. The rule fails an aws_ami_launch_permission with group = "all".
# custom:
#   id: GATE-AWS-EC2-008
#   severity: high
#   remediation: |-
#     Share the image with named accounts or your organization only:
#     ```hcl
#     resource "aws_ami_launch_permission" "shared" {
#       image_id         = aws_ami.app.id
#       organization_arn = "arn:aws:organizations::111122223333:organization/o-abc123"
#     }
#     ```
#   resource_types: [aws_ami_launch_permission]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.8.3, A.8.12]
#     nist_csf_2: [PR.DS-01]
#     nist_800_53r5: [AC-3, AC-21]
package gate.rules.terraform.aws.ec2_ami_public

import rego.v1

import data.gate.lib.aws
import data.gate.lib.terraform as tf

deny contains tf.finding(p, "group", msg) if {
	some p in aws.managed("aws_ami_launch_permission")
	p.values.group == "all"
	msg := sprintf("%s makes the AMI public (group = \"all\")", [p.address])
}
