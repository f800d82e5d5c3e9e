# METADATA
# title: S3 bucket ACL does not grant access to everyone
# description: >-
#   The canned ACLs public-read, public-read-write and authenticated-read, and
#   grants to the AllUsers or AuthenticatedUsers groups, let anyone on the
#   internet (or any AWS account) list, read or even write the bucket. The
#   rule reads the legacy acl and grant attributes of aws_s3_bucket and the
#   acl and access_control_policy grants of aws_s3_bucket_acl. It does not
#   fire when the ACL cannot take effect or may not: ignore_public_acls is
#   true or unknown in a public access block of the bucket or of the account,
#   or aws_s3_bucket_ownership_controls sets BucketOwnerEnforced (ACLs
#   disabled). When the bucket of an aws_s3_bucket_acl is not in the
#   configuration, any such block or ownership control keeps it quiet.
# custom:
#   id: GATE-AWS-S3-006
#   severity: high
#   remediation: |-
#     Keep the bucket private; disable ACLs and grant access with a bucket
#     policy scoped to the principals that need it:
#     ```hcl
#     resource "aws_s3_bucket_ownership_controls" "this" {
#       bucket = aws_s3_bucket.this.id
#       rule {
#         object_ownership = "BucketOwnerEnforced"
#       }
#     }
#     ```
#   resource_types: [aws_s3_bucket, aws_s3_bucket_acl]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1, CC6.6]
#     iso27001_2022: [A.8.3, A.8.12]
#     nist_csf_2: [PR.AA-05, PR.DS-01]
#     nist_800_53r5: [AC-3, AC-21]
package gate.rules.terraform.aws.s3_public_acl

import rego.v1

import data.gate.lib.aws
import data.gate.lib.terraform as tf

public_canned := {"public-read", "public-read-write", "authenticated-read"}

public_groups := {
	"http://acs.amazonaws.com/groups/global/AllUsers",
	"http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
}

# Legacy canned ACL on the bucket.
deny contains tf.finding(b, "acl", msg) if {
	some b in aws.managed("aws_s3_bucket")
	b.values.acl in public_canned
	not aws.flag_maybe_on(b, "ignore_public_acls")
	not aws.acls_disabled_maybe(b)
	msg := sprintf("S3 bucket %s uses the canned ACL %q, which grants access to everyone", [b.address, b.values.acl])
}

# Legacy grant blocks on the bucket.
deny contains tf.finding(b, sprintf("grant[%d].uri", [i]), msg) if {
	some b in aws.managed("aws_s3_bucket")
	grants := b.values.grant
	is_array(grants)
	some i, g in grants
	is_object(g)
	g.uri in public_groups
	not aws.flag_maybe_on(b, "ignore_public_acls")
	not aws.acls_disabled_maybe(b)
	msg := sprintf("S3 bucket %s grants %v to %s", [b.address, object.get(g, "permissions", []), g.uri])
}

# aws_s3_bucket_acl with a canned ACL.
deny contains tf.finding(a, "acl", msg) if {
	some a in aws.managed("aws_s3_bucket_acl")
	a.values.acl in public_canned
	not aws.flag_maybe_on_for(a, "ignore_public_acls")
	not aws.acls_disabled_maybe_for(a)
	msg := sprintf("%s sets the canned ACL %q, which grants access to everyone", [a.address, a.values.acl])
}

# aws_s3_bucket_acl with explicit grants.
deny contains tf.finding(a, sprintf("access_control_policy[0].grant[%d].grantee[0].uri", [i]), msg) if {
	some a in aws.managed("aws_s3_bucket_acl")
	acp := tf.block(a, "access_control_policy")
	grants := acp.grant
	is_array(grants)
	some i, g in grants
	is_object(g)
	some grantee in aws.as_list(object.get(g, "grantee", null))
	is_object(grantee)
	grantee.uri in public_groups
	not aws.flag_maybe_on_for(a, "ignore_public_acls")
	not aws.acls_disabled_maybe_for(a)
	msg := sprintf("%s grants %v to %s", [a.address, object.get(g, "permission", ""), grantee.uri])
}
