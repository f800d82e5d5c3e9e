package gate.rules.terraform.aws.iam_password_length_test

import rego.v1

import data.gate.rules.terraform.aws.iam_password_length as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "aws", "action": "create", "values": values, "refs": refs,
}

u := "<<unknown>>"

deny(values) := r if {
	r := rule.deny with input as {"kind": "terraform", "resources": [res("aws_iam_account_password_policy", "this", values, {})]}
}

test_short_length_fails if {
	r := deny({"minimum_password_length": 8})
	count(r) == 1
	some f in r
	f.resource == "aws_iam_account_password_policy.this"
	f.attribute == "minimum_password_length"
}

test_missing_length_fails if {
	count(deny({"password_reuse_prevention": 24})) == 1
}

test_long_enough_passes if {
	count(deny({"minimum_password_length": 14})) == 0
	count(deny({"minimum_password_length": "16"})) == 0
}

test_unknown_does_not_fire if {
	count(deny({"minimum_password_length": u})) == 0
}

test_param_overrides_default if {
	r := rule.deny with input as {"kind": "terraform", "resources": [res("aws_iam_account_password_policy", "this", {"minimum_password_length": 14}, {})]}
		with data.gate_config.params as {"GATE-AWS-IAM-006": {"min_length": 16}}
	count(r) == 1
}

test_bad_param_falls_back if {
	r := rule.deny with input as {"kind": "terraform", "resources": [res("aws_iam_account_password_policy", "this", {"minimum_password_length": 14}, {})]}
		with data.gate_config.params as {"GATE-AWS-IAM-006": {"min_length": "sixteen"}}
	count(r) == 0
}
