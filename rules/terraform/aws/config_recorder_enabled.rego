# METADATA
# title: AWS Config recorder is switched on
# description: >-
#   A configuration recorder whose status is disabled records nothing: the
#   resource inventory, configuration history and Config rules stop
#   reflecting the account.
# custom:
#   id: GATE-AWS-CFG-002
#   severity: medium
#   remediation: |-
#     Enable the recorder:
#     ```hcl
#     resource "aws_config_configuration_recorder_status" "this" {
#       name       = aws_config_configuration_recorder.this.name
#       is_enabled = true
#       depends_on = [aws_config_delivery_channel.this]
#     }
#     ```
#   resource_types: [aws_config_configuration_recorder_status]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC7.1]
#     iso27001_2022: [A.8.9]
#     nist_csf_2: [DE.CM-09]
#     nist_800_53r5: [CM-8, CM-3]
package gate.rules.terraform.aws.config_recorder_enabled

import rego.v1

import data.gate.lib.terraform as tf

deny contains tf.finding(s, "is_enabled", msg) if {
	some s in tf.resources("aws_config_configuration_recorder_status")
	tf.is_false(s, "is_enabled")
	msg := sprintf("AWS Config recorder status %s leaves the recorder stopped (is_enabled = false)", [s.address])
}
