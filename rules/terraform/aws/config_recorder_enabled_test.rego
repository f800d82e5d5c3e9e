package gate.rules.terraform.aws.config_recorder_enabled_test

import rego.v1

import data.gate.rules.terraform.aws.config_recorder_enabled as rule

status(name, values) := {
	"address": sprintf("aws_config_configuration_recorder_status.%s", [name]),
	"config_address": sprintf("aws_config_configuration_recorder_status.%s", [name]),
	"module": "", "mode": "managed", "type": "aws_config_configuration_recorder_status", "name": name,
	"index": null, "provider": "aws", "action": "create", "values": values, "refs": {},
}

doc(rs) := {"kind": "terraform", "resources": rs}

test_disabled_fails if {
	r := rule.deny with input as doc([status("a", {"name": "default", "is_enabled": false})])
	count(r) == 1
	some f in r
	f.resource == "aws_config_configuration_recorder_status.a"
	f.attribute == "is_enabled"
}

test_enabled_passes if {
	r := rule.deny with input as doc([status("a", {"name": "default", "is_enabled": true})])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as doc([status("a", {"is_enabled": "<<unknown>>"})])
	count(r) == 0
}

test_recorder_without_status_not_judged if {
	rec := object.union(status("a", {"name": "default"}), {"type": "aws_config_configuration_recorder", "address": "aws_config_configuration_recorder.a"})
	r := rule.deny with input as doc([rec])
	count(r) == 0
}

test_data_source_ignored if {
	d := object.union(status("a", {"is_enabled": false}), {"mode": "data"})
	r := rule.deny with input as doc([d])
	count(r) == 0
}
