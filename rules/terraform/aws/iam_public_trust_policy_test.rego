package gate.rules.terraform.aws.iam_public_trust_policy_test

import rego.v1

import data.gate.rules.terraform.aws.iam_public_trust_policy as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "aws", "action": "create", "values": values, "refs": refs,
}

u := "<<unknown>>"

deny(resources) := r if {
	r := rule.deny with input as {"kind": "terraform", "resources": resources}
}

role(name, trust) := res("aws_iam_role", name, {"name": name, "assume_role_policy": trust}, {})

test_public_trust_fails if {
	r := deny([role("r", `{"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}`)])
	count(r) == 1
	some f in r
	f.resource == "aws_iam_role.r"
	f.attribute == "assume_role_policy"
}

test_star_principal_fails if {
	count(deny([role("r", `{"Statement":{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole"}}`)])) == 1
}

test_condition_passes if {
	count(deny([role("r", `{"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole",
	  "Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc123"}}}]}`)])) == 0
}

test_service_principal_passes if {
	count(deny([role("r", `{"Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}`)])) == 0
}

test_unknown_does_not_fire if {
	count(deny([role("r", u)])) == 0
}

test_data_source_trust_fails if {
	ds := object.union(
		res(
			"aws_iam_policy_document", "t", {"statement": [{
				"actions": ["sts:AssumeRole"], "principals": [{"type": "AWS", "identifiers": ["*"]}],
			}]},
			{},
		),
		{"mode": "data", "address": "data.aws_iam_policy_document.t", "config_address": "data.aws_iam_policy_document.t"},
	)
	r := res("aws_iam_role", "r", {"assume_role_policy": u}, {"assume_role_policy": ["data.aws_iam_policy_document.t"]})
	count(deny([ds, r])) == 1
}
