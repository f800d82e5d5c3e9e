# METADATA
# title: VPC flow logs are enabled
# description: >-
#   Flow logs record the network traffic accepted and rejected in a VPC; they
#   are the evidence for detecting scanning, exfiltration and lateral
#   movement, and for investigating them afterwards. The rule fails an
#   aws_vpc that no aws_flow_log targets through vpc_id (joined by reference
#   or by known id). A flow log whose vpc_id cannot be resolved (a variable,
#   another module's output) keeps every VPC from failing; flow logs on
#   subnets or network interfaces only do not count.
# custom:
#   id: GATE-AWS-VPC-001
#   severity: medium
#   remediation: |-
#     Log all traffic of the VPC:
#     ```hcl
#     resource "aws_flow_log" "main" {
#       vpc_id               = aws_vpc.main.id
#       traffic_type         = "ALL"
#       log_destination_type = "s3"
#       log_destination      = aws_s3_bucket.flow_logs.arn
#     }
#     ```
#   resource_types: [aws_vpc, aws_flow_log]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC7.2]
#     iso27001_2022: [A.8.15, A.8.16]
#     nist_csf_2: [DE.CM-01]
#     nist_800_53r5: [AU-12, SI-4]
package gate.rules.terraform.aws.vpc_flow_logs

import rego.v1

import data.gate.lib.aws
import data.gate.lib.terraform as tf

deny contains tf.finding(v, "", msg) if {
	some v in aws.managed("aws_vpc")
	aws.not_configured_by("aws_flow_log", "vpc_id", v)
	msg := sprintf("VPC %s has no flow log (no aws_flow_log with vpc_id pointing at it)", [v.address])
}
