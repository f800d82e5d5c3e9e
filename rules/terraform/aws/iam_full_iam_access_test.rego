package gate.rules.terraform.aws.iam_full_iam_access_test

import rego.v1

import data.gate.rules.terraform.aws.iam_full_iam_access as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "aws", "action": "create", "values": values, "refs": refs,
}

u := "<<unknown>>"

deny(resources) := r if {
	r := rule.deny with input as {"kind": "terraform", "resources": resources}
}

iam_star := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*","iam:*"],"Resource":"*"}]}`

test_iam_star_fails if {
	r := deny([res("aws_iam_group_policy", "g", {"policy": iam_star}, {})])
	count(r) == 1
	some f in r
	f.resource == "aws_iam_group_policy.g"
	f.attribute == "policy"
}

test_case_insensitive if {
	j := `{"Statement":{"Effect":"Allow","Action":"IAM:*","Resource":["*"]}}`
	count(deny([res("aws_iam_role_policy", "r", {"policy": j}, {})])) == 1
}

test_scoped_resource_passes if {
	j := `{"Statement":[{"Effect":"Allow","Action":"iam:*","Resource":"arn:aws:iam::111122223333:role/app-*"}]}`
	count(deny([res("aws_iam_policy", "p", {"policy": j}, {})])) == 0
}

test_specific_iam_actions_pass if {
	j := `{"Statement":[{"Effect":"Allow","Action":["iam:Get*","iam:List*"],"Resource":"*"}]}`
	count(deny([res("aws_iam_policy", "p", {"policy": j}, {})])) == 0
}

test_full_admin_left_to_iam_001 if {
	j := `{"Statement":[{"Effect":"Allow","Action":["*","iam:*"],"Resource":"*"}]}`
	count(deny([res("aws_iam_policy", "p", {"policy": j}, {})])) == 0
}

test_deny_passes if {
	j := `{"Statement":[{"Effect":"Deny","Action":"iam:*","Resource":"*"}]}`
	count(deny([res("aws_iam_policy", "p", {"policy": j}, {})])) == 0
}

test_unknown_does_not_fire if {
	count(deny([res("aws_iam_policy", "p", {"policy": u}, {})])) == 0
}

test_data_source_and_inline_policy if {
	ds := object.union(res("aws_iam_policy_document", "d", {"statement": [{"actions": ["iam:*"], "resources": ["*"]}]}, {}), {
		"mode": "data", "address": "data.aws_iam_policy_document.d", "config_address": "data.aws_iam_policy_document.d",
	})
	role := res("aws_iam_role", "r", {"inline_policy": [{"name": "x", "policy": u}]}, {"inline_policy.policy": ["data.aws_iam_policy_document.d"]})
	r := deny([ds, role])
	count(r) == 1
	some f in r
	f.attribute == "inline_policy[0].policy"
}
