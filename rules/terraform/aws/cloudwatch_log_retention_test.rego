package gate.rules.terraform.aws.cloudwatch_log_retention_test

import rego.v1

import data.gate.rules.terraform.aws.cloudwatch_log_retention as rule

group(name, values) := {
	"address": sprintf("aws_cloudwatch_log_group.%s", [name]),
	"config_address": sprintf("aws_cloudwatch_log_group.%s", [name]),
	"module": "", "mode": "managed", "type": "aws_cloudwatch_log_group", "name": name,
	"index": null, "provider": "aws", "action": "create", "values": values, "refs": {},
}

doc(rs) := {"kind": "terraform", "resources": rs}

test_short_retention_fails if {
	r := rule.deny with input as doc([group("a", {"name": "/app", "retention_in_days": 30})])
	count(r) == 1
	some f in r
	f.resource == "aws_cloudwatch_log_group.a"
	f.attribute == "retention_in_days"
}

test_short_retention_string_fails if {
	r := rule.deny with input as doc([group("a", {"retention_in_days": "90"})])
	count(r) == 1
}

test_one_year_passes if {
	r := rule.deny with input as doc([group("a", {"retention_in_days": 365})])
	count(r) == 0
}

test_longer_passes if {
	r := rule.deny with input as doc([group("a", {"retention_in_days": 3653})])
	count(r) == 0
}

test_never_expire_zero_passes if {
	r := rule.deny with input as doc([group("a", {"retention_in_days": 0})])
	count(r) == 0
}

test_never_expire_absent_passes if {
	r := rule.deny with input as doc([group("a", {"name": "/app"})])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as doc([group("a", {"retention_in_days": "<<unknown>>"})])
	count(r) == 0
}

test_param_lowers_threshold if {
	r := rule.deny with input as doc([group("a", {"retention_in_days": 90})])
		with data.gate_config.params as {"GATE-AWS-CW-001": {"min_retention_days": 90}}
	count(r) == 0
}

test_param_raises_threshold if {
	r := rule.deny with input as doc([group("a", {"retention_in_days": 365})])
		with data.gate_config.params as {"GATE-AWS-CW-001": {"min_retention_days": 400}}
	count(r) == 1
}

test_data_source_ignored if {
	d := object.union(group("a", {"retention_in_days": 1}), {"mode": "data"})
	r := rule.deny with input as doc([d])
	count(r) == 0
}
