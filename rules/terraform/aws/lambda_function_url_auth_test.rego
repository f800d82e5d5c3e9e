package gate.rules.terraform.aws.lambda_function_url_auth_test

import rego.v1

import data.gate.rules.terraform.aws.lambda_function_url_auth as rule

url(name, values) := {
	"address": sprintf("aws_lambda_function_url.%s", [name]),
	"config_address": sprintf("aws_lambda_function_url.%s", [name]),
	"module": "", "mode": "managed", "type": "aws_lambda_function_url", "name": name,
	"index": null, "provider": "aws", "action": "create", "values": values, "refs": {},
}

doc(rs) := {"kind": "terraform", "resources": rs}

test_none_fails if {
	r := rule.deny with input as doc([url("a", {"function_name": "api", "authorization_type": "NONE"})])
	count(r) == 1
	some f in r
	f.resource == "aws_lambda_function_url.a"
	f.attribute == "authorization_type"
}

test_iam_passes if {
	r := rule.deny with input as doc([url("a", {"function_name": "api", "authorization_type": "AWS_IAM"})])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as doc([url("a", {"function_name": "api", "authorization_type": "<<unknown>>"})])
	count(r) == 0
}

test_data_source_ignored if {
	d := object.union(url("a", {"authorization_type": "NONE"}), {"mode": "data"})
	r := rule.deny with input as doc([d])
	count(r) == 0
}
