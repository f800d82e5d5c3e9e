# METADATA
# title: S3 bucket public access is blocked
# description: >-
#   S3 Block Public Access overrides ACLs and bucket policies that would make
#   data public. The rule fails a bucket that has neither a bucket-level
#   aws_s3_bucket_public_access_block (joined by reference or by bucket name)
#   nor an account-level aws_s3_account_public_access_block in the same
#   configuration, and fails any public access block that leaves one of its
#   four settings (block_public_acls, block_public_policy, ignore_public_acls,
#   restrict_public_buckets) absent or false, unless the account-level block
#   turns that setting on. A block whose bucket cannot be resolved (a variable
#   or another module's output) keeps every bucket from failing for a missing
#   block. AWS enables Block Public Access on buckets created since April 2023,
#   but declaring it keeps the protection visible in code and stops a later
#   change or an older bucket from silently dropping it. Where the account
#   block is managed in another configuration, set the parameter
#   account_block_elsewhere to true: buckets without their own block then
#   pass, and blocks declared here are still checked.
# custom:
#   id: GATE-AWS-S3-001
#   severity: high
#   remediation: |-
#     Block public access on the bucket (or once for the whole account with
#     aws_s3_account_public_access_block):
#     ```hcl
#     resource "aws_s3_bucket_public_access_block" "this" {
#       bucket                  = aws_s3_bucket.this.id
#       block_public_acls       = true
#       block_public_policy     = true
#       ignore_public_acls      = true
#       restrict_public_buckets = true
#     }
#     ```
#   resource_types: [aws_s3_bucket, aws_s3_bucket_public_access_block, aws_s3_account_public_access_block]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1, CC6.6]
#     iso27001_2022: [A.8.3, A.8.12]
#     nist_csf_2: [PR.AA-05, PR.DS-01]
#     nist_800_53r5: [AC-3, AC-21]
#   params:
#     account_block_elsewhere: false
package gate.rules.terraform.aws.s3_public_access_block

import rego.v1

import data.gate.lib.aws
import data.gate.lib.params
import data.gate.lib.terraform as tf

deny contains tf.finding(b, "", msg) if {
	count(account_blocks) == 0
	not account_block_elsewhere
	some b in aws.managed("aws_s3_bucket")
	aws.not_configured_by("aws_s3_bucket_public_access_block", "bucket", b)
	msg := sprintf("S3 bucket %s has no public access block: no aws_s3_bucket_public_access_block for it and no aws_s3_account_public_access_block", [b.address])
}

deny contains tf.finding(p, off[0], msg) if {
	some t in ["aws_s3_bucket_public_access_block", "aws_s3_account_public_access_block"]
	some p in aws.managed(t)
	off := [f | some f in aws.pab_flags; flag_off(p, f); not account_on(p, f)]
	count(off) > 0
	msg := sprintf("%s does not set %s to true; all four public access block settings must be on", [p.address, concat(", ", off)])
}

flag_off(p, f) if tf.missing(p, f)

flag_off(p, f) if tf.is_false(p, f)

# A bucket-level setting left off is harmless while the account-level
# setting is on (or may be: unknown).
account_on(p, f) if {
	p.type == "aws_s3_bucket_public_access_block"
	some a in account_blocks
	aws.flag_true_or_unknown(a, f)
}

account_blocks := aws.managed("aws_s3_account_public_access_block")

account_block_elsewhere if params.param("GATE-AWS-S3-001", "account_block_elsewhere", false) == true
