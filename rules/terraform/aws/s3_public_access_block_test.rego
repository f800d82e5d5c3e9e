package gate.rules.terraform.aws.s3_public_access_block_test

import rego.v1

import data.gate.rules.terraform.aws.s3_public_access_block as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "aws", "action": "create", "values": values, "refs": refs,
}

u := "<<unknown>>"

bucket(name) := res("aws_s3_bucket", name, {"bucket": name}, {})

all_on := {"block_public_acls": true, "block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": true}

pab(name, target, flags) := res("aws_s3_bucket_public_access_block", name, object.union({"bucket": u}, flags), {"bucket": [sprintf("aws_s3_bucket.%s", [target])]})

deny(resources) := r if {
	r := rule.deny with input as {"kind": "terraform", "resources": resources}
}

test_bucket_without_block_fails if {
	r := deny([bucket("a")])
	count(r) == 1
	some f in r
	f.resource == "aws_s3_bucket.a"
	f.attribute == ""
}

test_bucket_with_full_block_passes if {
	count(deny([bucket("a"), pab("a", "a", all_on)])) == 0
}

test_block_for_other_bucket_does_not_count if {
	r := deny([bucket("a"), bucket("b"), pab("b", "b", all_on)])
	count(r) == 1
	some f in r
	f.resource == "aws_s3_bucket.a"
}

test_partial_block_fails_on_block if {
	r := deny([bucket("a"), pab("a", "a", {"block_public_acls": true, "block_public_policy": false, "ignore_public_acls": true})])
	count(r) == 1
	some f in r
	f.resource == "aws_s3_bucket_public_access_block.a"
	f.attribute == "block_public_policy"
	contains(f.msg, "block_public_policy, restrict_public_buckets")
}

test_unknown_flag_does_not_fire if {
	count(deny([bucket("a"), pab("a", "a", object.union(all_on, {"restrict_public_buckets": u}))])) == 0
}

test_account_block_covers_buckets if {
	acct := res("aws_s3_account_public_access_block", "this", all_on, {})
	count(deny([bucket("a"), bucket("b"), acct])) == 0
}

test_account_block_with_flag_off_fails if {
	acct := res("aws_s3_account_public_access_block", "this", object.union(all_on, {"ignore_public_acls": false}), {})
	r := deny([bucket("a"), acct])
	count(r) == 1
	some f in r
	f.resource == "aws_s3_account_public_access_block.this"
	f.attribute == "ignore_public_acls"
}

test_account_setting_covers_bucket_setting if {
	acct := res("aws_s3_account_public_access_block", "this", all_on, {})
	count(deny([bucket("a"), acct, pab("a", "a", {})])) == 0
}

test_unresolved_block_keeps_buckets_from_failing if {
	p := res("aws_s3_bucket_public_access_block", "x", object.union(all_on, {"bucket": u}), {})
	count(deny([bucket("a"), p])) == 0
}

test_block_joined_by_bucket_name if {
	b := object.union(bucket("a"), {"action": "no-op"})
	p := res("aws_s3_bucket_public_access_block", "x", object.union(all_on, {"bucket": "a"}), {})
	count(deny([b, p])) == 0
}

test_data_source_bucket_ignored if {
	d := object.union(bucket("a"), {"mode": "data", "address": "data.aws_s3_bucket.a", "config_address": "data.aws_s3_bucket.a"})
	count(deny([d])) == 0
}

test_param_account_block_elsewhere if {
	r := rule.deny with input as {"kind": "terraform", "resources": [bucket("a"), pab("b", "a", {"block_public_acls": true})]}
		with data.gate_config.params as {"GATE-AWS-S3-001": {"account_block_elsewhere": true}}
	count(r) == 1
	some f in r
	f.resource == "aws_s3_bucket_public_access_block.b"
	r2 := rule.deny with input as {"kind": "terraform", "resources": [bucket("a")]}
		with data.gate_config.params as {"GATE-AWS-S3-001": {"account_block_elsewhere": true}}
	count(r2) == 0
}
