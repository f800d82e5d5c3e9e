package gate.rules.terraform.aws.efs_encryption_test

import rego.v1

import data.gate.rules.terraform.aws.efs_encryption as rule

fs(name, values) := {
	"address": sprintf("aws_efs_file_system.%s", [name]),
	"config_address": sprintf("aws_efs_file_system.%s", [name]),
	"module": "", "mode": "managed", "type": "aws_efs_file_system", "name": name,
	"index": null, "provider": "aws", "action": "create", "values": values, "refs": {},
}

doc(rs) := {"kind": "terraform", "resources": rs}

test_absent_fails if {
	r := rule.deny with input as doc([fs("a", {"creation_token": "shared"})])
	count(r) == 1
	some f in r
	f.resource == "aws_efs_file_system.a"
	f.attribute == "encrypted"
}

test_false_fails if {
	r := rule.deny with input as doc([fs("a", {"encrypted": false})])
	count(r) == 1
}

test_true_passes if {
	r := rule.deny with input as doc([fs("a", {"encrypted": true})])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as doc([fs("a", {"encrypted": "<<unknown>>"})])
	count(r) == 0
}

test_data_source_ignored if {
	d := object.union(fs("a", {}), {"mode": "data"})
	r := rule.deny with input as doc([d])
	count(r) == 0
}
