package gate.rules.terraform.aws.redshift_encryption_test

import rego.v1

import data.gate.rules.terraform.aws.redshift_encryption as rule

cluster(name, values) := {
	"address": sprintf("aws_redshift_cluster.%s", [name]),
	"config_address": sprintf("aws_redshift_cluster.%s", [name]),
	"module": "", "mode": "managed", "type": "aws_redshift_cluster", "name": name,
	"index": null, "provider": "aws", "action": "create", "values": values, "refs": {},
}

doc(rs) := {"kind": "terraform", "resources": rs}

test_false_fails if {
	r := rule.deny with input as doc([cluster("a", {"cluster_identifier": "a", "encrypted": false})])
	count(r) == 1
	some f in r
	f.resource == "aws_redshift_cluster.a"
	f.attribute == "encrypted"
}

test_string_false_fails if {
	r := rule.deny with input as doc([cluster("a", {"encrypted": "false"})])
	count(r) == 1
}

test_true_passes if {
	r := rule.deny with input as doc([cluster("a", {"encrypted": true})])
	count(r) == 0
}

test_absent_not_judged if {
	r := rule.deny with input as doc([cluster("a", {"cluster_identifier": "a"})])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as doc([cluster("a", {"encrypted": "<<unknown>>"})])
	count(r) == 0
}

test_data_source_ignored if {
	d := object.union(cluster("a", {"encrypted": false}), {"mode": "data"})
	r := rule.deny with input as doc([d])
	count(r) == 0
}
