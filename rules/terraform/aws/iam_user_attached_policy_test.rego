package gate.rules.terraform.aws.iam_user_attached_policy_test

import rego.v1

import data.gate.rules.terraform.aws.iam_user_attached_policy as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "aws", "action": "create", "values": values, "refs": refs,
}

u := "<<unknown>>"

deny(resources) := r if {
	r := rule.deny with input as {"kind": "terraform", "resources": resources}
}

test_user_attachment_fails if {
	r := deny([res("aws_iam_user_policy_attachment", "a", {"user": "alice", "policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}, {})])
	count(r) == 1
	some f in r
	f.resource == "aws_iam_user_policy_attachment.a"
}

test_policy_attachment_with_users_fails if {
	r := deny([res("aws_iam_policy_attachment", "a", {"users": [u], "roles": [], "policy_arn": u}, {})])
	count(r) == 1
	some f in r
	f.attribute == "users"
}

test_policy_attachment_without_users_passes if {
	count(deny([res("aws_iam_policy_attachment", "a", {"users": [], "roles": ["app"]}, {})])) == 0
	count(deny([res("aws_iam_policy_attachment", "a", {"roles": ["app"]}, {})])) == 0
	count(deny([res("aws_iam_policy_attachment", "a", {"users": null, "groups": ["devs"]}, {})])) == 0
}

test_unknown_users_does_not_fire if {
	count(deny([res("aws_iam_policy_attachment", "a", {"users": u}, {})])) == 0
}

test_exclusive_attachments if {
	count(deny([res("aws_iam_user_policy_attachments_exclusive", "a", {"user_name": "alice", "policy_arns": ["arn:aws:iam::aws:policy/ReadOnlyAccess"]}, {})])) == 1
	count(deny([res("aws_iam_user_policy_attachments_exclusive", "a", {"user_name": "alice", "policy_arns": []}, {})])) == 0
}

test_group_and_role_attachments_pass if {
	count(deny([
		res("aws_iam_group_policy_attachment", "g", {"group": "devs", "policy_arn": "x"}, {}),
		res("aws_iam_role_policy_attachment", "r", {"role": "app", "policy_arn": "x"}, {}),
	])) == 0
}
