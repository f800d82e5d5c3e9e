package gate.rules.terraform.aws.ecr_repository_policy_public_test

import rego.v1

import data.gate.rules.terraform.aws.ecr_repository_policy_public as rule

pol(name, policy) := {
	"address": sprintf("aws_ecr_repository_policy.%s", [name]),
	"config_address": sprintf("aws_ecr_repository_policy.%s", [name]),
	"module": "", "mode": "managed", "type": "aws_ecr_repository_policy", "name": name,
	"index": null, "provider": "aws", "action": "create", "values": {"repository": "api", "policy": policy}, "refs": {},
}

doc(rs) := {"kind": "terraform", "resources": rs}

stmt(principal, extra) := object.union({"Effect": "Allow", "Principal": principal, "Action": ["ecr:BatchGetImage"]}, extra)

policy(stmts) := json.marshal({"Version": "2012-10-17", "Statement": stmts})

test_star_principal_fails if {
	r := rule.deny with input as doc([pol("a", policy([stmt("*", {})]))])
	count(r) == 1
	some f in r
	f.resource == "aws_ecr_repository_policy.a"
	f.attribute == "policy"
}

test_aws_star_principal_fails if {
	r := rule.deny with input as doc([pol("a", policy([stmt({"AWS": "*"}, {})]))])
	count(r) == 1
}

test_aws_list_with_star_fails if {
	r := rule.deny with input as doc([pol("a", policy([stmt({"AWS": ["arn:aws:iam::111122223333:root", "*"]}, {})]))])
	count(r) == 1
}

test_single_statement_object_fails if {
	p := json.marshal({"Version": "2012-10-17", "Statement": stmt("*", {})})
	r := rule.deny with input as doc([pol("a", p)])
	count(r) == 1
}

test_decoded_policy_object_fails if {
	r := rule.deny with input as doc([pol("a", {"Version": "2012-10-17", "Statement": [stmt("*", {})]})])
	count(r) == 1
}

test_condition_passes if {
	c := {"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}}
	r := rule.deny with input as doc([pol("a", policy([stmt("*", c)]))])
	count(r) == 0
}

test_named_account_passes if {
	r := rule.deny with input as doc([pol("a", policy([stmt({"AWS": "arn:aws:iam::111122223333:root"}, {})]))])
	count(r) == 0
}

test_deny_star_passes if {
	r := rule.deny with input as doc([pol("a", policy([object.union(stmt("*", {}), {"Effect": "Deny"})]))])
	count(r) == 0
}

test_unknown_policy_passes if {
	r := rule.deny with input as doc([pol("a", "<<unknown>>")])
	count(r) == 0
}

test_invalid_json_passes if {
	r := rule.deny with input as doc([pol("a", "{not json")])
	count(r) == 0
}

test_unknown_principal_inside_passes if {
	r := rule.deny with input as doc([pol("a", {"Statement": [stmt({"AWS": "<<unknown>>"}, {})]})])
	count(r) == 0
}

test_data_source_ignored if {
	d := object.union(pol("a", policy([stmt("*", {})])), {"mode": "data"})
	r := rule.deny with input as doc([d])
	count(r) == 0
}
