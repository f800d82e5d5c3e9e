package gate.rules.terraform.aws.dynamodb_deletion_protection_test

import rego.v1

import data.gate.rules.terraform.aws.dynamodb_deletion_protection as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "aws", "action": "create", "values": values, "refs": refs,
}

u := "<<unknown>>"

deny(values) := r if {
	r := rule.deny with input as {"kind": "terraform", "resources": [res("aws_dynamodb_table", "t", values, {})]}
}

test_missing_fails if {
	r := deny({"name": "t"})
	count(r) == 1
	some f in r
	f.resource == "aws_dynamodb_table.t"
	f.attribute == "deletion_protection_enabled"
}

test_false_fails if {
	count(deny({"deletion_protection_enabled": false})) == 1
}

test_true_passes if {
	count(deny({"deletion_protection_enabled": true})) == 0
}

test_unknown_does_not_fire if {
	count(deny({"deletion_protection_enabled": u})) == 0
}
