package gate.rules.terraform.aws.sns_topic_encryption_test

import rego.v1

import data.gate.rules.terraform.aws.sns_topic_encryption as rule

topic(name, values) := {
	"address": sprintf("aws_sns_topic.%s", [name]),
	"config_address": sprintf("aws_sns_topic.%s", [name]),
	"module": "", "mode": "managed", "type": "aws_sns_topic", "name": name,
	"index": null, "provider": "aws", "action": "create", "values": values, "refs": {},
}

doc(rs) := {"kind": "terraform", "resources": rs}

test_absent_fails if {
	r := rule.deny with input as doc([topic("a", {"name": "events"})])
	count(r) == 1
	some f in r
	f.resource == "aws_sns_topic.a"
	f.attribute == "kms_master_key_id"
}

test_null_and_empty_fail if {
	r1 := rule.deny with input as doc([topic("a", {"kms_master_key_id": null})])
	count(r1) == 1
	r2 := rule.deny with input as doc([topic("a", {"kms_master_key_id": ""})])
	count(r2) == 1
}

test_aws_managed_key_passes if {
	r := rule.deny with input as doc([topic("a", {"kms_master_key_id": "alias/aws/sns"})])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as doc([topic("a", {"kms_master_key_id": "<<unknown>>"})])
	count(r) == 0
}

test_data_source_ignored if {
	d := object.union(topic("a", {}), {"mode": "data"})
	r := rule.deny with input as doc([d])
	count(r) == 0
}
