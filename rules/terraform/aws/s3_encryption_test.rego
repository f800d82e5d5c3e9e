package gate.rules.terraform.aws.s3_encryption_test

import rego.v1

import data.gate.rules.terraform.aws.s3_encryption as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "aws", "action": "create", "values": values, "refs": refs,
}

u := "<<unknown>>"

deny(resources) := r if {
	r := rule.deny with input as {"kind": "terraform", "resources": resources}
}

sse(name, target) := res(
	"aws_s3_bucket_server_side_encryption_configuration", name, {
		"bucket": u,
		"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "AES256"}]}],
	},
	{"bucket": [sprintf("aws_s3_bucket.%s", [target])]},
)

test_bucket_without_encryption_fails if {
	r := deny([res("aws_s3_bucket", "a", {"bucket": "a"}, {})])
	count(r) == 1
	some f in r
	f.resource == "aws_s3_bucket.a"
	f.attribute == "server_side_encryption_configuration"
}

test_empty_legacy_block_fails if {
	# provider v3 plans show an unconfigured block as []
	count(deny([res("aws_s3_bucket", "a", {"server_side_encryption_configuration": []}, {})])) == 1
}

test_legacy_block_passes if {
	b := res("aws_s3_bucket", "a", {"server_side_encryption_configuration": [{"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "aws:kms"}]}]}]}, {})
	count(deny([b])) == 0
}

test_unknown_legacy_block_does_not_fire if {
	count(deny([res("aws_s3_bucket", "a", {"server_side_encryption_configuration": u}, {})])) == 0
}

test_split_resource_passes if {
	count(deny([res("aws_s3_bucket", "a", {"bucket": "a"}, {}), sse("a", "a")])) == 0
}

test_split_resource_for_other_bucket if {
	r := deny([res("aws_s3_bucket", "a", {"bucket": "a"}, {}), res("aws_s3_bucket", "b", {"bucket": "b"}, {}), sse("b", "b")])
	count(r) == 1
	some f in r
	f.resource == "aws_s3_bucket.a"
}

test_unresolved_split_resource_does_not_fire if {
	c := res("aws_s3_bucket_server_side_encryption_configuration", "x", {"bucket": u}, {})
	count(deny([res("aws_s3_bucket", "a", {"bucket": "a"}, {}), c])) == 0
}

test_data_source_ignored if {
	d := object.union(res("aws_s3_bucket", "a", {}, {}), {"mode": "data"})
	count(deny([d])) == 0
}
