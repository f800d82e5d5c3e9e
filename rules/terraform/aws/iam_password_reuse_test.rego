package gate.rules.terraform.aws.iam_password_reuse_test

import rego.v1

import data.gate.rules.terraform.aws.iam_password_reuse as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "aws", "action": "create", "values": values, "refs": refs,
}

u := "<<unknown>>"

deny(values) := r if {
	r := rule.deny with input as {"kind": "terraform", "resources": [res("aws_iam_account_password_policy", "this", values, {})]}
}

test_low_reuse_fails if {
	r := deny({"password_reuse_prevention": 5})
	count(r) == 1
	some f in r
	f.resource == "aws_iam_account_password_policy.this"
	f.attribute == "password_reuse_prevention"
}

test_missing_fails if {
	count(deny({"minimum_password_length": 14})) == 1
	count(deny({"password_reuse_prevention": null})) == 1
}

test_enough_passes if {
	count(deny({"password_reuse_prevention": 24})) == 0
}

test_unknown_does_not_fire if {
	count(deny({"password_reuse_prevention": u})) == 0
}

test_param if {
	r := rule.deny with input as {"kind": "terraform", "resources": [res("aws_iam_account_password_policy", "this", {"password_reuse_prevention": 12}, {})]}
		with data.gate_config.params as {"GATE-AWS-IAM-007": {"min_remembered": 12}}
	count(r) == 0
}
