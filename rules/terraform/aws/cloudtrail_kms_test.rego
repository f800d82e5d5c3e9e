package gate.rules.terraform.aws.cloudtrail_kms_test

import rego.v1

import data.gate.rules.terraform.aws.cloudtrail_kms as rule

trail(name, values) := {
	"address": sprintf("aws_cloudtrail.%s", [name]),
	"config_address": sprintf("aws_cloudtrail.%s", [name]),
	"module": "", "mode": "managed", "type": "aws_cloudtrail", "name": name,
	"index": null, "provider": "aws", "action": "create", "values": values, "refs": {},
}

doc(rs) := {"kind": "terraform", "resources": rs}

test_absent_fails if {
	r := rule.deny with input as doc([trail("a", {"name": "a"})])
	count(r) == 1
	some f in r
	f.resource == "aws_cloudtrail.a"
	f.attribute == "kms_key_id"
}

test_null_fails if {
	r := rule.deny with input as doc([trail("a", {"kms_key_id": null})])
	count(r) == 1
}

test_empty_fails if {
	r := rule.deny with input as doc([trail("a", {"kms_key_id": ""})])
	count(r) == 1
}

test_key_passes if {
	r := rule.deny with input as doc([trail("a", {"kms_key_id": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"})])
	count(r) == 0
}

test_unknown_passes if {
	t := object.union(trail("a", {"kms_key_id": "<<unknown>>"}), {"refs": {"kms_key_id": ["aws_kms_key.trail"]}})
	r := rule.deny with input as doc([t])
	count(r) == 0
}

test_data_source_ignored if {
	d := object.union(trail("a", {}), {"mode": "data"})
	r := rule.deny with input as doc([d])
	count(r) == 0
}
