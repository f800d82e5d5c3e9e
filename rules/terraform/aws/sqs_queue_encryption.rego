# METADATA
# title: SQS queue encryption at rest is not switched off
# description: >-
#   A queue with sqs_managed_sse_enabled = false and no KMS key stores its
#   messages unencrypted at rest. New queues use SSE-SQS unless it is turned
#   off, so only an explicit false without a KMS key is flagged.
# custom:
#   id: GATE-AWS-SQS-001
#   severity: medium
#   remediation: |-
#     Keep SQS-managed encryption on, or use a KMS key:
#     ```hcl
#     resource "aws_sqs_queue" "this" {
#       name                    = "jobs"
#       sqs_managed_sse_enabled = true
#     }
#     ```
#   resource_types: [aws_sqs_queue]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.8.24]
#     nist_csf_2: [PR.DS-01]
#     nist_800_53r5: [SC-28]
package gate.rules.terraform.aws.sqs_queue_encryption

import rego.v1

import data.gate.lib.aws_services as aws
import data.gate.lib.terraform as tf

deny contains tf.finding(q, "sqs_managed_sse_enabled", msg) if {
	some q in tf.resources("aws_sqs_queue")
	tf.is_false(q, "sqs_managed_sse_enabled")
	not aws.present(q, "kms_master_key_id")
	msg := sprintf("SQS queue %s stores messages unencrypted (sqs_managed_sse_enabled = false and no kms_master_key_id)", [q.address])
}
