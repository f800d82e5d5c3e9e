package gate.rules.terraform.aws.s3_public_policy_test

import rego.v1

import data.gate.rules.terraform.aws.s3_public_policy as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "aws", "action": "create", "values": values, "refs": refs,
}

u := "<<unknown>>"

deny(resources) := r if {
	r := rule.deny with input as {"kind": "terraform", "resources": resources}
}

bucket(name, values) := res("aws_s3_bucket", name, object.union({"bucket": name}, values), {})

public_json := `{"Statement":[{"Effect":"Allow","Principal":"*","Action":["s3:GetObject"],"Resource":"arn:aws:s3:::a/*"}]}`

aws_star_json := `{"Statement":[{"Effect":"Allow","Principal":{"AWS":["*"]},"Action":"s3:*","Resource":"*"}]}`

conditioned_json := `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::a/*",
  "Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}}]}`

policy(name, target, doc) := res("aws_s3_bucket_policy", name, {"bucket": u, "policy": doc}, {"bucket": [sprintf("aws_s3_bucket.%s", [target])]})

test_public_policy_fails if {
	r := deny([bucket("a", {}), policy("a", "a", public_json)])
	count(r) == 1
	some f in r
	f.resource == "aws_s3_bucket_policy.a"
	f.attribute == "policy"
	contains(f.msg, "s3:getobject")
}

test_aws_star_principal_fails if {
	count(deny([bucket("a", {}), policy("a", "a", aws_star_json)])) == 1
}

test_legacy_policy_fails if {
	r := deny([bucket("a", {"policy": public_json})])
	count(r) == 1
	some f in r
	f.resource == "aws_s3_bucket.a"
}

test_condition_passes if {
	count(deny([bucket("a", {}), policy("a", "a", conditioned_json)])) == 0
}

test_named_principal_passes if {
	j := `{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"*"}]}`
	count(deny([bucket("a", {}), policy("a", "a", j)])) == 0
}

test_deny_statement_passes if {
	j := `{"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}]}`
	count(deny([bucket("a", {}), policy("a", "a", j)])) == 0
}

test_unknown_does_not_fire if {
	count(deny([bucket("a", {}), policy("a", "a", u)])) == 0
	j := `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":"<<unknown>>"}]}`
	count(deny([bucket("a", {}), policy("a", "a", j)])) == 0
}

test_restrict_public_buckets_suppresses if {
	pab := res("aws_s3_bucket_public_access_block", "a", {"bucket": u, "restrict_public_buckets": true}, {"bucket": ["aws_s3_bucket.a"]})
	count(deny([bucket("a", {}), policy("a", "a", public_json), pab])) == 0
	acct := res("aws_s3_account_public_access_block", "x", {"restrict_public_buckets": u}, {})
	count(deny([bucket("a", {"policy": public_json}), acct])) == 0
}

test_data_source_policy_fails if {
	ds := object.union(
		res(
			"aws_iam_policy_document", "pub", {"statement": [{
				"actions": ["s3:GetObject"], "resources": [u],
				"principals": [{"type": "AWS", "identifiers": ["*"]}],
			}]},
			{},
		),
		{"mode": "data", "address": "data.aws_iam_policy_document.pub", "config_address": "data.aws_iam_policy_document.pub"},
	)
	p := res("aws_s3_bucket_policy", "a", {"bucket": u, "policy": u}, {"bucket": ["aws_s3_bucket.a"], "policy": ["data.aws_iam_policy_document.pub"]})
	count(deny([bucket("a", {}), ds, p])) == 1
}
