package gate.rules.terraform.aws.config_recorder_all_resources_test

import rego.v1

import data.gate.rules.terraform.aws.config_recorder_all_resources as rule

recorder(name, values) := {
	"address": sprintf("aws_config_configuration_recorder.%s", [name]),
	"config_address": sprintf("aws_config_configuration_recorder.%s", [name]),
	"module": "", "mode": "managed", "type": "aws_config_configuration_recorder", "name": name,
	"index": null, "provider": "aws", "action": "create", "values": values, "refs": {},
}

doc(rs) := {"kind": "terraform", "resources": rs}

test_selected_types_fails if {
	g := [{"all_supported": false, "resource_types": ["AWS::EC2::Instance"]}]
	r := rule.deny with input as doc([recorder("a", {"name": "default", "recording_group": g})])
	count(r) == 1
	some f in r
	f.resource == "aws_config_configuration_recorder.a"
	f.attribute == "recording_group[0].all_supported"
}

test_exclusion_strategy_fails if {
	g := [{"all_supported": false, "exclusion_by_resource_types": [{"resource_types": ["AWS::EC2::NetworkInterface"]}], "recording_strategy": [{"use_only": "EXCLUSION_BY_RESOURCE_TYPES"}]}]
	r := rule.deny with input as doc([recorder("a", {"recording_group": g})])
	count(r) == 1
}

test_all_supported_passes if {
	g := [{"all_supported": true, "include_global_resource_types": true}]
	r := rule.deny with input as doc([recorder("a", {"recording_group": g})])
	count(r) == 0
}

test_default_recording_group_passes if {
	r := rule.deny with input as doc([recorder("a", {"name": "default"})])
	count(r) == 0
}

test_all_supported_absent_passes if {
	r := rule.deny with input as doc([recorder("a", {"recording_group": [{"include_global_resource_types": true}]})])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as doc([recorder("a", {"recording_group": [{"all_supported": "<<unknown>>"}]})])
	count(r) == 0
}

test_unknown_block_passes if {
	r := rule.deny with input as doc([recorder("a", {"recording_group": "<<unknown>>"})])
	count(r) == 0
}

test_data_source_ignored if {
	d := object.union(recorder("a", {"recording_group": [{"all_supported": false}]}), {"mode": "data"})
	r := rule.deny with input as doc([d])
	count(r) == 0
}
