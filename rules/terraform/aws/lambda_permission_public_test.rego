package gate.rules.terraform.aws.lambda_permission_public_test

import rego.v1

import data.gate.rules.terraform.aws.lambda_permission_public as rule

perm(name, values) := {
	"address": sprintf("aws_lambda_permission.%s", [name]),
	"config_address": sprintf("aws_lambda_permission.%s", [name]),
	"module": "", "mode": "managed", "type": "aws_lambda_permission", "name": name,
	"index": null, "provider": "aws", "action": "create", "values": values, "refs": {},
}

doc(rs) := {"kind": "terraform", "resources": rs}

test_public_fails if {
	r := rule.deny with input as doc([perm("a", {"action": "lambda:InvokeFunction", "function_name": "fn", "principal": "*"})])
	count(r) == 1
	some f in r
	f.resource == "aws_lambda_permission.a"
	f.attribute == "principal"
	contains(f.msg, "lambda:InvokeFunction")
}

test_public_plan_nulls_fails if {
	r := rule.deny with input as doc([perm("a", {"action": "lambda:InvokeFunctionUrl", "principal": "*", "source_arn": null, "source_account": null, "principal_org_id": null, "function_url_auth_type": "NONE"})])
	count(r) == 1
}

test_source_arn_passes if {
	r := rule.deny with input as doc([perm("a", {"action": "lambda:InvokeFunction", "principal": "*", "source_arn": "arn:aws:execute-api:us-east-1:111122223333:abc/*"})])
	count(r) == 0
}

test_source_account_passes if {
	r := rule.deny with input as doc([perm("a", {"action": "lambda:InvokeFunction", "principal": "*", "source_account": "111122223333"})])
	count(r) == 0
}

test_org_passes if {
	r := rule.deny with input as doc([perm("a", {"action": "lambda:InvokeFunction", "principal": "*", "principal_org_id": "o-abc123"})])
	count(r) == 0
}

test_service_principal_passes if {
	r := rule.deny with input as doc([perm("a", {"action": "lambda:InvokeFunction", "principal": "events.amazonaws.com"})])
	count(r) == 0
}

test_unknown_source_passes if {
	r := rule.deny with input as doc([perm("a", {"action": "lambda:InvokeFunction", "principal": "*", "source_arn": "<<unknown>>"})])
	count(r) == 0
}

test_unknown_principal_passes if {
	r := rule.deny with input as doc([perm("a", {"action": "lambda:InvokeFunction", "principal": "<<unknown>>"})])
	count(r) == 0
}

test_unknown_action_message if {
	r := rule.deny with input as doc([perm("a", {"action": "<<unknown>>", "principal": "*"})])
	count(r) == 1
}

test_data_source_ignored if {
	d := object.union(perm("a", {"principal": "*"}), {"mode": "data"})
	r := rule.deny with input as doc([d])
	count(r) == 0
}
