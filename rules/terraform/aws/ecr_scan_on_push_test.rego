package gate.rules.terraform.aws.ecr_scan_on_push_test

import rego.v1

import data.gate.rules.terraform.aws.ecr_scan_on_push as rule

res(t, name, values) := {
	"address": sprintf("%s.%s", [t, name]),
	"config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name,
	"index": null, "provider": "aws", "action": "create", "values": values, "refs": {},
}

repo(name, values) := res("aws_ecr_repository", name, values)

doc(rs) := {"kind": "terraform", "resources": rs}

test_no_scanning_block_fails if {
	r := rule.deny with input as doc([repo("a", {"name": "api"})])
	count(r) == 1
	some f in r
	f.resource == "aws_ecr_repository.a"
	f.attribute == "image_scanning_configuration"
}

test_scan_disabled_fails if {
	r := rule.deny with input as doc([repo("a", {"image_scanning_configuration": [{"scan_on_push": false}]})])
	count(r) == 1
}

test_scan_enabled_passes if {
	r := rule.deny with input as doc([repo("a", {"image_scanning_configuration": [{"scan_on_push": true}]})])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as doc([repo("a", {"image_scanning_configuration": [{"scan_on_push": "<<unknown>>"}]})])
	count(r) == 0
}

test_registry_scanning_passes if {
	reg := res("aws_ecr_registry_scanning_configuration", "this", {"scan_type": "ENHANCED", "rule": [{"scan_frequency": "CONTINUOUS_SCAN", "repository_filter": [{"filter": "*", "filter_type": "WILDCARD"}]}]})
	r := rule.deny with input as doc([repo("a", {"name": "api"}), reg])
	count(r) == 0
}

test_registry_scanning_without_rules_fails if {
	reg := res("aws_ecr_registry_scanning_configuration", "this", {"scan_type": "BASIC"})
	r := rule.deny with input as doc([repo("a", {"name": "api"}), reg])
	count(r) == 1
}

test_data_source_ignored if {
	d := object.union(repo("a", {}), {"mode": "data"})
	r := rule.deny with input as doc([d])
	count(r) == 0
}
