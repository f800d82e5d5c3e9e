package gate.rules.terraform.aws.ebs_default_encryption_test

import rego.v1

import data.gate.rules.terraform.aws.ebs_default_encryption as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "aws", "action": "create", "values": values, "refs": refs,
}

u := "<<unknown>>"

deny(values) := r if {
	r := rule.deny with input as {"kind": "terraform", "resources": [res("aws_ebs_encryption_by_default", "this", values, {})]}
}

test_disabled_fails if {
	r := deny({"enabled": false})
	count(r) == 1
	some f in r
	f.resource == "aws_ebs_encryption_by_default.this"
	f.attribute == "enabled"
}

test_enabled_or_default_passes if {
	count(deny({"enabled": true})) == 0
	count(deny({})) == 0
}

test_unknown_does_not_fire if {
	count(deny({"enabled": u})) == 0
}
