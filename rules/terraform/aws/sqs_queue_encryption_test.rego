package gate.rules.terraform.aws.sqs_queue_encryption_test

import rego.v1

import data.gate.rules.terraform.aws.sqs_queue_encryption as rule

queue(name, values) := {
	"address": sprintf("aws_sqs_queue.%s", [name]),
	"config_address": sprintf("aws_sqs_queue.%s", [name]),
	"module": "", "mode": "managed", "type": "aws_sqs_queue", "name": name,
	"index": null, "provider": "aws", "action": "create", "values": values, "refs": {},
}

doc(rs) := {"kind": "terraform", "resources": rs}

test_sse_off_fails if {
	r := rule.deny with input as doc([queue("a", {"name": "jobs", "sqs_managed_sse_enabled": false})])
	count(r) == 1
	some f in r
	f.resource == "aws_sqs_queue.a"
	f.attribute == "sqs_managed_sse_enabled"
}

test_sse_off_plan_null_key_fails if {
	r := rule.deny with input as doc([queue("a", {"sqs_managed_sse_enabled": false, "kms_master_key_id": null})])
	count(r) == 1
}

test_default_passes if {
	r := rule.deny with input as doc([queue("a", {"name": "jobs"})])
	count(r) == 0
}

test_sse_on_passes if {
	r := rule.deny with input as doc([queue("a", {"sqs_managed_sse_enabled": true})])
	count(r) == 0
}

test_kms_key_passes if {
	r := rule.deny with input as doc([queue("a", {"sqs_managed_sse_enabled": false, "kms_master_key_id": "alias/aws/sqs"})])
	count(r) == 0
}

test_unknown_key_passes if {
	r := rule.deny with input as doc([queue("a", {"sqs_managed_sse_enabled": false, "kms_master_key_id": "<<unknown>>"})])
	count(r) == 0
}

test_unknown_flag_passes if {
	r := rule.deny with input as doc([queue("a", {"sqs_managed_sse_enabled": "<<unknown>>"})])
	count(r) == 0
}

test_data_source_ignored if {
	d := object.union(queue("a", {"sqs_managed_sse_enabled": false}), {"mode": "data"})
	r := rule.deny with input as doc([d])
	count(r) == 0
}
