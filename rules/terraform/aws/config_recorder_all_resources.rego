# METADATA
# title: AWS Config recorder records all supported resource types
# description: >-
#   A configuration recorder limited to selected resource types leaves every
#   other resource out of the inventory and out of change history, so drift
#   and unauthorised changes to those resources go unrecorded.
# custom:
#   id: GATE-AWS-CFG-001
#   severity: medium
#   remediation: |-
#     Record every supported resource type:
#     ```hcl
#     resource "aws_config_configuration_recorder" "this" {
#       name     = "default"
#       role_arn = aws_iam_role.config.arn
#       recording_group {
#         all_supported                 = true
#         include_global_resource_types = true
#       }
#     }
#     ```
#   resource_types: [aws_config_configuration_recorder]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC7.1]
#     iso27001_2022: [A.5.9, A.8.9]
#     nist_csf_2: [ID.AM-08, DE.CM-09]
#     nist_800_53r5: [CM-8, CM-3]
package gate.rules.terraform.aws.config_recorder_all_resources

import rego.v1

import data.gate.lib.terraform as tf

deny contains tf.finding(c, sprintf("recording_group[%d].all_supported", [i]), msg) if {
	some c in tf.resources("aws_config_configuration_recorder")
	some i, g in tf.blocks(c, "recording_group")
	g.all_supported == false
	msg := sprintf("AWS Config recorder %s records only selected resource types (recording_group.all_supported = false)", [c.address])
}
