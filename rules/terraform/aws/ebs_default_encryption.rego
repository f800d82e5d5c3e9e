# METADATA
# title: EBS encryption by default is not turned off
# description: >-
#   EBS encryption by default makes every new volume and snapshot copy in the
#   region encrypted, whatever the template or person creating it asks for.
#   The rule fails an aws_ebs_encryption_by_default that sets enabled = false
#   (absent means true).
# custom:
#   id: GATE-AWS-EBS-002
#   severity: medium
#   remediation: |-
#     Keep default encryption on:
#     ```hcl
#     resource "aws_ebs_encryption_by_default" "this" {
#       enabled = true
#     }
#     ```
#   resource_types: [aws_ebs_encryption_by_default]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1, CC6.7]
#     iso27001_2022: [A.8.24]
#     nist_csf_2: [PR.DS-01]
#     nist_800_53r5: [SC-28, SC-28(1)]
package gate.rules.terraform.aws.ebs_default_encryption

import rego.v1

import data.gate.lib.aws
import data.gate.lib.terraform as tf

deny contains tf.finding(d, "enabled", msg) if {
	some d in aws.managed("aws_ebs_encryption_by_default")
	tf.is_false(d, "enabled")
	msg := sprintf("%s turns EBS encryption by default off (enabled = false)", [d.address])
}
