package gate.rules.terraform.aws.iam_user_inline_policy_test

import rego.v1

import data.gate.rules.terraform.aws.iam_user_inline_policy as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "aws", "action": "create", "values": values, "refs": refs,
}

u := "<<unknown>>"

deny(resources) := r if {
	r := rule.deny with input as {"kind": "terraform", "resources": resources}
}

test_user_policy_fails if {
	r := deny([res("aws_iam_user_policy", "p", {"user": u, "policy": u}, {"user": ["aws_iam_user.alice"]})])
	count(r) == 1
	some f in r
	f.resource == "aws_iam_user_policy.p"
}

test_group_and_role_policies_pass if {
	count(deny([
		res("aws_iam_group_policy", "g", {"group": "devs", "policy": "{}"}, {}),
		res("aws_iam_role_policy", "r", {"role": "app", "policy": "{}"}, {}),
	])) == 0
}

test_data_source_ignored if {
	count(deny([object.union(res("aws_iam_user_policy", "p", {}, {}), {"mode": "data"})])) == 0
}
