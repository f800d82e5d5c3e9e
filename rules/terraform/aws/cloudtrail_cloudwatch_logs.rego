# METADATA
# title: CloudTrail trail delivers events to CloudWatch Logs
# description: >-
#   A trail that only writes to S3 cannot drive metric filters and alarms, so
#   root logins, policy changes or disabled logging are noticed only when
#   somebody reads the files. Trails that select data events only are not
#   judged.
# custom:
#   id: GATE-AWS-CT-004
#   severity: low
#   remediation: |-
#     Send the trail to a log group through a role CloudTrail can assume:
#     ```hcl
#     resource "aws_cloudtrail" "this" {
#       name                       = "org-audit"
#       s3_bucket_name             = aws_s3_bucket.trail.id
#       cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
#       cloud_watch_logs_role_arn  = aws_iam_role.trail_to_cwl.arn
#     }
#     ```
#   resource_types: [aws_cloudtrail]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC7.2]
#     iso27001_2022: [A.8.16]
#     nist_csf_2: [DE.CM-09]
#     nist_800_53r5: [AU-6, SI-4]
package gate.rules.terraform.aws.cloudtrail_cloudwatch_logs

import rego.v1

import data.gate.lib.aws_services as aws
import data.gate.lib.terraform as tf

deny contains tf.finding(t, "cloud_watch_logs_group_arn", msg) if {
	some t in tf.resources("aws_cloudtrail")
	not aws.trail_data_events_only(t)
	not aws.present(t, "cloud_watch_logs_group_arn")
	msg := sprintf("CloudTrail trail %s does not deliver events to CloudWatch Logs (cloud_watch_logs_group_arn is not set)", [t.address])
}
