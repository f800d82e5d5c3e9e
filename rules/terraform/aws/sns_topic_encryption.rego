# METADATA
# title: SNS topic encrypts messages with a KMS key
# description: >-
#   Without kms_master_key_id, messages published to the topic are stored
#   unencrypted at rest while they wait for delivery.
# custom:
#   id: GATE-AWS-SNS-001
#   severity: medium
#   remediation: |-
#     Enable server-side encryption (the AWS managed key or your own):
#     ```hcl
#     resource "aws_sns_topic" "this" {
#       name              = "events"
#       kms_master_key_id = "alias/aws/sns"
#     }
#     ```
#   resource_types: [aws_sns_topic]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.8.24]
#     nist_csf_2: [PR.DS-01]
#     nist_800_53r5: [SC-28]
package gate.rules.terraform.aws.sns_topic_encryption

import rego.v1

import data.gate.lib.aws_services as aws
import data.gate.lib.terraform as tf

deny contains tf.finding(t, "kms_master_key_id", msg) if {
	some t in tf.resources("aws_sns_topic")
	not aws.present(t, "kms_master_key_id")
	msg := sprintf("SNS topic %s does not encrypt messages at rest (kms_master_key_id is not set)", [t.address])
}
