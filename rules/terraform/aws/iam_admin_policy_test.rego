package gate.rules.terraform.aws.iam_admin_policy_test

import rego.v1

import data.gate.rules.terraform.aws.iam_admin_policy as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "aws", "action": "create", "values": values, "refs": refs,
}

u := "<<unknown>>"

deny(resources) := r if {
	r := rule.deny with input as {"kind": "terraform", "resources": resources}
}

admin := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["*"],"Resource":"*"}]}`

test_admin_policy_fails if {
	r := deny([res("aws_iam_policy", "admin", {"policy": admin}, {})])
	count(r) == 1
	some f in r
	f.resource == "aws_iam_policy.admin"
	f.attribute == "policy"
}

test_every_policy_type_is_judged if {
	r := deny([
		res("aws_iam_role_policy", "a", {"policy": admin}, {}),
		res("aws_iam_user_policy", "b", {"policy": admin}, {}),
		res("aws_iam_group_policy", "c", {"policy": admin}, {}),
	])
	{f.resource | some f in r} == {"aws_iam_role_policy.a", "aws_iam_user_policy.b", "aws_iam_group_policy.c"}
}

test_deny_statement_passes if {
	j := `{"Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}`
	count(deny([res("aws_iam_policy", "p", {"policy": j}, {})])) == 0
}

test_scoped_policy_passes if {
	j := `{"Statement":[{"Effect":"Allow","Action":"ec2:Describe*","Resource":"*"},{"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::b/*"}]}`
	count(deny([res("aws_iam_policy", "p", {"policy": j}, {})])) == 0
}

test_service_wildcard_is_not_admin if {
	j := `{"Statement":[{"Effect":"Allow","Action":"iam:*","Resource":"*"}]}`
	count(deny([res("aws_iam_policy", "p", {"policy": j}, {})])) == 0
}

test_unknown_policy_does_not_fire if {
	count(deny([res("aws_iam_policy", "p", {"policy": u}, {})])) == 0
}

test_unknown_action_does_not_fire if {
	j := `{"Statement":[{"Effect":"Allow","Action":"<<unknown>>","Resource":"*"}]}`
	count(deny([res("aws_iam_policy", "p", {"policy": j}, {})])) == 0
}

test_data_source_document_fails if {
	ds := object.union(res("aws_iam_policy_document", "admin", {"statement": [{"actions": ["*"], "resources": ["*"]}]}, {}), {
		"mode": "data", "address": "data.aws_iam_policy_document.admin", "config_address": "data.aws_iam_policy_document.admin",
	})
	p := res("aws_iam_role_policy", "p", {"policy": u}, {"policy": ["data.aws_iam_policy_document.admin"]})
	r := deny([ds, p])
	count(r) == 1
	some f in r
	f.resource == "aws_iam_role_policy.p"
}

test_role_inline_policy_fails if {
	role := res("aws_iam_role", "r", {"inline_policy": [{"name": "ok", "policy": `{"Statement":[]}`}, {"name": "admin", "policy": admin}]}, {})
	r := deny([role])
	count(r) == 1
	some f in r
	f.attribute == "inline_policy[1].policy"
}

test_data_source_itself_ignored if {
	ds := object.union(res("aws_iam_policy", "p", {"policy": admin}, {}), {"mode": "data"})
	count(deny([ds])) == 0
}
