package gate.rules.terraform.aws.opensearch_node_to_node_encryption_test

import rego.v1

import data.gate.rules.terraform.aws.opensearch_node_to_node_encryption as rule

domain(t, name, values) := {
	"address": sprintf("%s.%s", [t, name]),
	"config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name,
	"index": null, "provider": "aws", "action": "create", "values": values, "refs": {},
}

doc(rs) := {"kind": "terraform", "resources": rs}

test_absent_fails if {
	r := rule.deny with input as doc([domain("aws_opensearch_domain", "a", {"domain_name": "search"})])
	count(r) == 1
	some f in r
	f.resource == "aws_opensearch_domain.a"
	f.attribute == "node_to_node_encryption"
}

test_disabled_fails if {
	r := rule.deny with input as doc([domain("aws_elasticsearch_domain", "a", {"node_to_node_encryption": [{"enabled": false}]})])
	count(r) == 1
}

test_enabled_passes if {
	r := rule.deny with input as doc([domain("aws_opensearch_domain", "a", {"node_to_node_encryption": [{"enabled": true}]})])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as doc([domain("aws_opensearch_domain", "a", {"node_to_node_encryption": [{"enabled": "<<unknown>>"}]})])
	count(r) == 0
}

test_data_source_ignored if {
	d := object.union(domain("aws_opensearch_domain", "a", {}), {"mode": "data"})
	r := rule.deny with input as doc([d])
	count(r) == 0
}
