package gate.rules.terraform.aws.iam_user_access_key_test

import rego.v1

import data.gate.rules.terraform.aws.iam_user_access_key as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "aws", "action": "create", "values": values, "refs": refs,
}

u := "<<unknown>>"

deny(resources) := r if {
	r := rule.deny with input as {"kind": "terraform", "resources": resources}
}

test_access_key_fails if {
	r := deny([res("aws_iam_access_key", "k", {"user": u}, {"user": ["aws_iam_user.ci"]})])
	count(r) == 1
	some f in r
	f.resource == "aws_iam_access_key.k"
}

test_active_status_fails if {
	count(deny([res("aws_iam_access_key", "k", {"user": "ci", "status": "Active"}, {})])) == 1
}

test_inactive_passes if {
	count(deny([res("aws_iam_access_key", "k", {"user": "ci", "status": "Inactive"}, {})])) == 0
}

test_unknown_status_does_not_fire if {
	count(deny([res("aws_iam_access_key", "k", {"user": "ci", "status": u}, {})])) == 0
}

test_data_source_ignored if {
	count(deny([object.union(res("aws_iam_access_key", "k", {}, {}), {"mode": "data"})])) == 0
}
