package gate.rules.terraform.aws.cloudtrail_log_validation_test

import rego.v1

import data.gate.rules.terraform.aws.cloudtrail_log_validation as rule

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
	f.attribute == "enable_log_file_validation"
}

test_false_fails if {
	r := rule.deny with input as doc([trail("a", {"enable_log_file_validation": false})])
	count(r) == 1
}

test_enabled_passes if {
	r := rule.deny with input as doc([trail("a", {"enable_log_file_validation": true})])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as doc([trail("a", {"enable_log_file_validation": "<<unknown>>"})])
	count(r) == 0
}

test_only_invalid_trail_flagged if {
	r := rule.deny with input as doc([
		trail("valid", {"enable_log_file_validation": true}),
		trail("invalid", {"enable_log_file_validation": false}),
	])
	{f.resource | some f in r} == {"aws_cloudtrail.invalid"}
}

test_data_source_ignored if {
	d := object.union(trail("a", {}), {"mode": "data"})
	r := rule.deny with input as doc([d])
	count(r) == 0
}
