package gate.rules.terraform.aws.ecr_tag_immutability_test

import rego.v1

import data.gate.rules.terraform.aws.ecr_tag_immutability as rule

repo(name, values) := {
	"address": sprintf("aws_ecr_repository.%s", [name]),
	"config_address": sprintf("aws_ecr_repository.%s", [name]),
	"module": "", "mode": "managed", "type": "aws_ecr_repository", "name": name,
	"index": null, "provider": "aws", "action": "create", "values": values, "refs": {},
}

doc(rs) := {"kind": "terraform", "resources": rs}

test_default_mutable_fails if {
	r := rule.deny with input as doc([repo("a", {"name": "api"})])
	count(r) == 1
	some f in r
	f.resource == "aws_ecr_repository.a"
	f.attribute == "image_tag_mutability"
}

test_mutable_fails if {
	r := rule.deny with input as doc([repo("a", {"image_tag_mutability": "MUTABLE"})])
	count(r) == 1
}

test_mutable_with_exclusion_fails if {
	r := rule.deny with input as doc([repo("a", {"image_tag_mutability": "MUTABLE_WITH_EXCLUSION"})])
	count(r) == 1
}

test_immutable_passes if {
	r := rule.deny with input as doc([repo("a", {"image_tag_mutability": "IMMUTABLE"})])
	count(r) == 0
}

test_immutable_with_exclusion_passes if {
	r := rule.deny with input as doc([repo("a", {"image_tag_mutability": "IMMUTABLE_WITH_EXCLUSION"})])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as doc([repo("a", {"image_tag_mutability": "<<unknown>>"})])
	count(r) == 0
}

test_data_source_ignored if {
	d := object.union(repo("a", {}), {"mode": "data"})
	r := rule.deny with input as doc([d])
	count(r) == 0
}
