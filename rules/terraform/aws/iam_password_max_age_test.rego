package gate.rules.terraform.aws.iam_password_max_age_test

import rego.v1

import data.gate.rules.terraform.aws.iam_password_max_age as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "aws", "action": "create", "values": values, "refs": refs,
}

u := "<<unknown>>"

deny(values) := r if {
	r := rule.deny with input as {"kind": "terraform", "resources": [res("aws_iam_account_password_policy", "this", values, {})]}
}

test_long_age_fails if {
	r := deny({"max_password_age": 365})
	count(r) == 1
	some f in r
	f.resource == "aws_iam_account_password_policy.this"
	f.attribute == "max_password_age"
}

test_missing_or_zero_fails if {
	count(deny({})) == 1
	count(deny({"max_password_age": 0})) == 1
}

test_short_age_passes if {
	count(deny({"max_password_age": 90})) == 0
	count(deny({"max_password_age": 60})) == 0
}

test_unknown_does_not_fire if {
	count(deny({"max_password_age": u})) == 0
}

test_param if {
	r := rule.deny with input as {"kind": "terraform", "resources": [res("aws_iam_account_password_policy", "this", {"max_password_age": 365}, {})]}
		with data.gate_config.params as {"GATE-AWS-IAM-008": {"max_days": 400}}
	count(r) == 0
}
