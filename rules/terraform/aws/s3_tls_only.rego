# METADATA
# title: S3 bucket policy denies requests over plain HTTP
# description: >-
#   S3 accepts plain HTTP requests unless the bucket policy refuses them, so
#   data and request signatures can cross the network unencrypted. The rule
#   fails a bucket whose policies (the legacy policy attribute and every
#   aws_s3_bucket_policy joined to it) are all known and contain no Deny
#   statement with a condition on aws:SecureTransport (Bool or BoolIfExists
#   "false"); it fails the bucket when it has no policy at all and the
#   aws_s3_bucket_policy otherwise. Policies that are unknown, merge other
#   documents or reference values not known yet, and policy resources whose
#   bucket cannot be resolved, do not fire. In a plan, an unknown legacy
#   policy without any reference is the provider's placeholder for "not set".
# custom:
#   id: GATE-AWS-S3-005
#   severity: medium
#   remediation: |-
#     Deny every request that does not use TLS:
#     ```hcl
#     data "aws_iam_policy_document" "tls_only" {
#       statement {
#         sid       = "DenyInsecureTransport"
#         effect    = "Deny"
#         actions   = ["s3:*"]
#         resources = [aws_s3_bucket.this.arn, "${aws_s3_bucket.this.arn}/*"]
#         principals {
#           type        = "*"
#           identifiers = ["*"]
#         }
#         condition {
#           test     = "Bool"
#           variable = "aws:SecureTransport"
#           values   = ["false"]
#         }
#       }
#     }
#
#     resource "aws_s3_bucket_policy" "this" {
#       bucket = aws_s3_bucket.this.id
#       policy = data.aws_iam_policy_document.tls_only.json
#     }
#     ```
#   resource_types: [aws_s3_bucket, aws_s3_bucket_policy]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.7]
#     iso27001_2022: [A.8.24, A.5.14]
#     nist_csf_2: [PR.DS-02]
#     nist_800_53r5: [SC-8, SC-8(1)]
package gate.rules.terraform.aws.s3_tls_only

import rego.v1

import data.gate.lib.aws
import data.gate.lib.terraform as tf

# A bucket without any policy.
deny contains tf.finding(b, "", msg) if {
	some b in aws.managed("aws_s3_bucket")
	not aws.may_be_set(b, "policy")
	aws.not_configured_by("aws_s3_bucket_policy", "bucket", b)
	msg := sprintf("S3 bucket %s has no bucket policy, so it accepts requests over plain HTTP (no Deny on aws:SecureTransport = false)", [b.address])
}

# A bucket whose legacy policy attribute lacks the statement.
deny contains tf.finding(b, "policy", msg) if {
	some b in aws.managed("aws_s3_bucket")
	aws.may_be_set(b, "policy")
	legacy := aws.policy_documents(b, "policy")
	aws.complete(legacy)
	not tls_enforced(legacy)
	children := aws.configured_by("aws_s3_bucket_policy", "bucket", b)
	every c in children {
		docs := aws.policy_documents(c, "policy")
		aws.complete(docs)
		not tls_enforced(docs)
	}
	not aws.maybe_configured_by("aws_s3_bucket_policy", "bucket", b)
	msg := sprintf("the policy of S3 bucket %s does not deny requests over plain HTTP (no Deny on aws:SecureTransport = false)", [b.address])
}

# An aws_s3_bucket_policy that lacks the statement, when no other policy of
# the same bucket has it.
deny contains tf.finding(c, "policy", msg) if {
	some c in aws.managed("aws_s3_bucket_policy")
	docs := aws.policy_documents(c, "policy")
	aws.complete(docs)
	not tls_enforced(docs)
	every b in aws.buckets_of(c) {
		not legacy_enforces(b)
		every o in aws.configured_by("aws_s3_bucket_policy", "bucket", b) {
			not enforced_or_unknown(o)
		}
	}
	msg := sprintf("bucket policy %s does not deny requests over plain HTTP (no Deny on aws:SecureTransport = false)", [c.address])
}

legacy_enforces(b) if {
	aws.may_be_set(b, "policy")
	not aws.complete(aws.policy_documents(b, "policy"))
}

legacy_enforces(b) if tls_enforced(aws.policy_documents(b, "policy"))

enforced_or_unknown(c) if not aws.complete(aws.policy_documents(c, "policy"))

enforced_or_unknown(c) if tls_enforced(aws.policy_documents(c, "policy"))

tls_enforced(docs) if {
	some st in aws.all_statements(docs)
	aws.denies(st)
	some cond in st.conditions
	cond.variable == "aws:securetransport"
	cond.test in {"Bool", "BoolIfExists"}
	some v in cond.values
	lower(v) == "false"
}
