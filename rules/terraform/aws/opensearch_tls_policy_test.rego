package gate.rules.terraform.aws.opensearch_tls_policy_test

import rego.v1

import data.gate.rules.terraform.aws.opensearch_tls_policy as rule

domain(t, name, values) := {
	"address": sprintf("%s.%s", [t, name]),
	"config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name,
	"index": null, "provider": "aws", "action": "create", "values": values, "refs": {},
}

doc(rs) := {"kind": "terraform", "resources": rs}

opts(policy) := {"domain_endpoint_options": [{"enforce_https": true, "tls_security_policy": policy}]}

test_tls10_fails if {
	r := rule.deny with input as doc([domain("aws_opensearch_domain", "a", opts("Policy-Min-TLS-1-0-2019-07"))])
	count(r) == 1
	some f in r
	f.resource == "aws_opensearch_domain.a"
	f.attribute == "domain_endpoint_options[0].tls_security_policy"
}

test_elasticsearch_tls10_fails if {
	r := rule.deny with input as doc([domain("aws_elasticsearch_domain", "a", opts("Policy-Min-TLS-1-0-2019-07"))])
	count(r) == 1
}

test_tls12_passes if {
	r := rule.deny with input as doc([domain("aws_opensearch_domain", "a", opts("Policy-Min-TLS-1-2-2019-07"))])
	count(r) == 0
}

test_tls12_pfs_passes if {
	r := rule.deny with input as doc([domain("aws_opensearch_domain", "a", opts("Policy-Min-TLS-1-2-PFS-2023-10"))])
	count(r) == 0
}

test_absent_not_judged if {
	r := rule.deny with input as doc([domain("aws_opensearch_domain", "a", {"domain_name": "search"})])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as doc([domain("aws_opensearch_domain", "a", opts("<<unknown>>"))])
	count(r) == 0
}

test_data_source_ignored if {
	d := object.union(domain("aws_opensearch_domain", "a", opts("Policy-Min-TLS-1-0-2019-07")), {"mode": "data"})
	r := rule.deny with input as doc([d])
	count(r) == 0
}
