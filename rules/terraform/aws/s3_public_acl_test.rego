package gate.rules.terraform.aws.s3_public_acl_test

import rego.v1

import data.gate.rules.terraform.aws.s3_public_acl as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "aws", "action": "create", "values": values, "refs": refs,
}

u := "<<unknown>>"

deny(resources) := r if {
	r := rule.deny with input as {"kind": "terraform", "resources": resources}
}

bucket(name, values) := res("aws_s3_bucket", name, object.union({"bucket": name}, values), {})

acl(name, target, values) := res("aws_s3_bucket_acl", name, object.union({"bucket": u}, values), {"bucket": [sprintf("aws_s3_bucket.%s", [target])]})

all_users := "http://acs.amazonaws.com/groups/global/AllUsers"

test_legacy_public_read_fails if {
	r := deny([bucket("a", {"acl": "public-read"})])
	count(r) == 1
	some f in r
	f.resource == "aws_s3_bucket.a"
	f.attribute == "acl"
}

test_legacy_private_passes if {
	count(deny([bucket("a", {"acl": "private"})])) == 0
	count(deny([bucket("a", {"acl": u})])) == 0
}

test_legacy_grant_fails if {
	r := deny([bucket("a", {"grant": [
		{"type": "CanonicalUser", "id": "abc", "permissions": ["FULL_CONTROL"]},
		{"type": "Group", "uri": all_users, "permissions": ["READ"]},
	]})])
	count(r) == 1
	some f in r
	f.attribute == "grant[1].uri"
}

test_acl_resource_canned_fails if {
	r := deny([bucket("a", {}), acl("a", "a", {"acl": "public-read-write"})])
	count(r) == 1
	some f in r
	f.resource == "aws_s3_bucket_acl.a"
}

test_acl_resource_grant_fails if {
	a := acl("a", "a", {"access_control_policy": [{
		"grant": [{"grantee": [{"type": "Group", "uri": "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"}], "permission": "READ"}],
		"owner": [{"id": "abc"}],
	}]})
	r := deny([bucket("a", {}), a])
	count(r) == 1
	some f in r
	f.attribute == "access_control_policy[0].grant[0].grantee[0].uri"
}

test_ignore_public_acls_suppresses if {
	pab := res("aws_s3_bucket_public_access_block", "a", {"bucket": u, "ignore_public_acls": true}, {"bucket": ["aws_s3_bucket.a"]})
	count(deny([bucket("a", {"acl": "public-read"}), pab])) == 0
	pab_u := res("aws_s3_bucket_public_access_block", "a", {"bucket": u, "ignore_public_acls": u}, {"bucket": ["aws_s3_bucket.a"]})
	count(deny([bucket("a", {}), acl("a", "a", {"acl": "public-read"}), pab_u])) == 0
	acct := res("aws_s3_account_public_access_block", "acct", {"ignore_public_acls": true}, {})
	count(deny([bucket("a", {"acl": "public-read"}), acct])) == 0
}

test_block_on_other_bucket_does_not_suppress if {
	pab := res("aws_s3_bucket_public_access_block", "b", {"bucket": u, "ignore_public_acls": true}, {"bucket": ["aws_s3_bucket.b"]})
	count(deny([bucket("a", {"acl": "public-read"}), bucket("b", {}), pab])) == 1
}

test_acls_disabled_suppresses if {
	own := res("aws_s3_bucket_ownership_controls", "a", {"bucket": u, "rule": [{"object_ownership": "BucketOwnerEnforced"}]}, {"bucket": ["aws_s3_bucket.a"]})
	count(deny([bucket("a", {}), acl("a", "a", {"acl": "public-read"}), own])) == 0
}

test_external_bucket_acl if {
	a := res("aws_s3_bucket_acl", "x", {"bucket": "someone-elses", "acl": "public-read"}, {})
	count(deny([a])) == 1
	pab := res("aws_s3_bucket_public_access_block", "x", {"bucket": "someone-elses", "ignore_public_acls": true}, {})
	count(deny([a, pab])) == 0
}
