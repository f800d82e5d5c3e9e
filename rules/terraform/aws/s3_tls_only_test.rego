package gate.rules.terraform.aws.s3_tls_only_test

import rego.v1

import data.gate.rules.terraform.aws.s3_tls_only as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "aws", "action": "create", "values": values, "refs": refs,
}

u := "<<unknown>>"

deny(resources) := r if {
	r := rule.deny with input as {"kind": "terraform", "source": "hcl", "resources": resources}
}

plan_deny(resources) := r if {
	r := rule.deny with input as {"kind": "terraform", "source": "plan", "resources": resources}
}

bucket(name, values) := res("aws_s3_bucket", name, object.union({"bucket": name}, values), {})

tls_json := `{"Version":"2012-10-17","Statement":[{"Sid":"TLS","Effect":"Deny","Principal":"*","Action":"s3:*",
  "Resource":["arn:aws:s3:::a","arn:aws:s3:::a/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}`

read_json := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::a/*"}]}`

policy(name, target, doc) := res("aws_s3_bucket_policy", name, {"bucket": u, "policy": doc}, {"bucket": [sprintf("aws_s3_bucket.%s", [target])]})

test_bucket_without_policy_fails if {
	r := deny([bucket("a", {})])
	count(r) == 1
	some f in r
	f.resource == "aws_s3_bucket.a"
	f.attribute == ""
}

test_policy_without_tls_statement_fails_on_policy if {
	r := deny([bucket("a", {}), policy("a", "a", read_json)])
	count(r) == 1
	some f in r
	f.resource == "aws_s3_bucket_policy.a"
	f.attribute == "policy"
}

test_policy_with_tls_statement_passes if {
	count(deny([bucket("a", {}), policy("a", "a", tls_json)])) == 0
}

test_legacy_policy if {
	count(deny([bucket("a", {"policy": tls_json})])) == 0
	r := deny([bucket("a", {"policy": read_json})])
	count(r) == 1
	some f in r
	f.attribute == "policy"
}

test_unknown_policy_does_not_fire if {
	count(deny([bucket("a", {}), policy("a", "a", u)])) == 0
	count(deny([bucket("a", {"policy": u})])) == 0
}

test_plan_placeholder_legacy_policy_is_not_set if {
	count(plan_deny([bucket("a", {"policy": u})])) == 1
	count(plan_deny([bucket("a", {"policy": u}), policy("a", "a", tls_json)])) == 0
}

test_data_source_policy if {
	ds := object.union(
		res(
			"aws_iam_policy_document", "tls", {"statement": [{
				"effect": "Deny", "actions": ["s3:*"], "resources": [u, u],
				"principals": [{"type": "*", "identifiers": ["*"]}],
				"condition": [{"test": "Bool", "variable": "aws:SecureTransport", "values": ["false"]}],
			}]},
			{},
		),
		{"mode": "data", "address": "data.aws_iam_policy_document.tls", "config_address": "data.aws_iam_policy_document.tls"},
	)
	p := res("aws_s3_bucket_policy", "a", {"bucket": u, "policy": u}, {"bucket": ["aws_s3_bucket.a"], "policy": ["data.aws_iam_policy_document.tls"]})
	count(deny([bucket("a", {}), ds, p])) == 0
}

test_data_source_with_unknown_statement_does_not_fire if {
	ds := object.union(res("aws_iam_policy_document", "d", {"statement": [{"effect": u, "actions": ["s3:*"], "resources": ["*"]}]}, {}), {"mode": "data", "address": "data.aws_iam_policy_document.d", "config_address": "data.aws_iam_policy_document.d"})
	p := res("aws_s3_bucket_policy", "a", {"bucket": u, "policy": u}, {"bucket": ["aws_s3_bucket.a"], "policy": ["data.aws_iam_policy_document.d"]})
	count(deny([bucket("a", {}), ds, p])) == 0
}

test_unresolved_policy_resource_does_not_fire_for_buckets if {
	p := res("aws_s3_bucket_policy", "x", {"bucket": u, "policy": tls_json}, {})
	count(deny([bucket("a", {}), p])) == 0
}

test_external_bucket_policy_without_tls_fails if {
	p := res("aws_s3_bucket_policy", "x", {"bucket": "external-bucket", "policy": read_json}, {})
	r := deny([p])
	count(r) == 1
}
