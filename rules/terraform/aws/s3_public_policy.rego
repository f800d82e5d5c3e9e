# METADATA
# title: S3 bucket policy does not allow everyone without a condition
# description: >-
#   A bucket policy statement that allows Principal "*" (or {"AWS": "*"})
#   without any Condition opens the bucket to anonymous requests from the
#   whole internet. The rule reads the legacy policy of aws_s3_bucket and
#   every aws_s3_bucket_policy (JSON string or data.aws_iam_policy_document)
#   and fails an Allow statement for everyone that has no Condition; any
#   condition (source VPC endpoint, organization, account, IP range) is
#   trusted to narrow it. It does not fire when restrict_public_buckets is true
#   or unknown in a public access block of the bucket or of the account,
#   which makes such a policy ineffective.
# custom:
#   id: GATE-AWS-S3-007
#   severity: high
#   remediation: |-
#     Name the principals that need access, or narrow the statement with a
#     condition:
#     ```hcl
#     data "aws_iam_policy_document" "read" {
#       statement {
#         actions   = ["s3:GetObject"]
#         resources = ["${aws_s3_bucket.this.arn}/*"]
#         principals {
#           type        = "Service"
#           identifiers = ["cloudfront.amazonaws.com"]
#         }
#         condition {
#           test     = "StringEquals"
#           variable = "AWS:SourceArn"
#           values   = [aws_cloudfront_distribution.this.arn]
#         }
#       }
#     }
#     ```
#   resource_types: [aws_s3_bucket, aws_s3_bucket_policy]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1, CC6.6]
#     iso27001_2022: [A.8.3, A.8.12]
#     nist_csf_2: [PR.AA-05, PR.DS-01]
#     nist_800_53r5: [AC-3, AC-21]
package gate.rules.terraform.aws.s3_public_policy

import rego.v1

import data.gate.lib.aws
import data.gate.lib.terraform as tf

deny contains tf.finding(b, "policy", msg) if {
	some b in aws.managed("aws_s3_bucket")
	sts := public_statements(aws.policy_documents(b, "policy"))
	count(sts) > 0
	not aws.flag_maybe_on(b, "restrict_public_buckets")
	msg := sprintf("the policy of S3 bucket %s allows %s to everyone (Principal \"*\") without a condition", [b.address, actions_text(sts)])
}

deny contains tf.finding(p, "policy", msg) if {
	some p in aws.managed("aws_s3_bucket_policy")
	sts := public_statements(aws.policy_documents(p, "policy"))
	count(sts) > 0
	not aws.flag_maybe_on_for(p, "restrict_public_buckets")
	msg := sprintf("bucket policy %s allows %s to everyone (Principal \"*\") without a condition", [p.address, actions_text(sts)])
}

public_statements(docs) := [st | some st in aws.statements(docs); aws.public_allow(st)]

actions_text(sts) := concat(", ", sort({a | some st in sts; some a in st.actions})) if {
	some st in sts
	count(st.actions) > 0
} else := "actions (NotAction)"
