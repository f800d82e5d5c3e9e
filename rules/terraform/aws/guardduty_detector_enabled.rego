# METADATA
# title: GuardDuty detector is enabled
# description: >-
#   A GuardDuty detector created with enable = false analyses nothing, so
#   compromised credentials, crypto-mining or reconnaissance in the account
#   raise no finding.
# custom:
#   id: GATE-AWS-GD-001
#   severity: high
#   remediation: |-
#     Enable the detector:
#     ```hcl
#     resource "aws_guardduty_detector" "this" {
#       enable = true
#     }
#     ```
#   resource_types: [aws_guardduty_detector]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC7.2]
#     iso27001_2022: [A.8.16]
#     nist_csf_2: [DE.CM-01, DE.CM-09]
#     nist_800_53r5: [SI-4]
package gate.rules.terraform.aws.guardduty_detector_enabled

import rego.v1

import data.gate.lib.terraform as tf

deny contains tf.finding(d, "enable", msg) if {
	some d in tf.resources("aws_guardduty_detector")
	tf.is_false(d, "enable")
	msg := sprintf("GuardDuty detector %s is disabled (enable = false)", [d.address])
}
