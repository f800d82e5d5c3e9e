package gate.rules.terraform.aws.redshift_public_access_test

import rego.v1

import data.gate.rules.terraform.aws.redshift_public_access as rule

cluster(name, values) := {
	"address": sprintf("aws_redshift_cluster.%s", [name]),
	"config_address": sprintf("aws_redshift_cluster.%s", [name]),
	"module": "", "mode": "managed", "type": "aws_redshift_cluster", "name": name,
	"index": null, "provider": "aws", "action": "create", "values": values, "refs": {},
}

doc(rs) := {"kind": "terraform", "resources": rs}

test_public_fails if {
	r := rule.deny with input as doc([cluster("a", {"cluster_identifier": "a", "publicly_accessible": true})])
	count(r) == 1
	some f in r
	f.resource == "aws_redshift_cluster.a"
	f.attribute == "publicly_accessible"
}

test_private_passes if {
	r := rule.deny with input as doc([cluster("a", {"publicly_accessible": false})])
	count(r) == 0
}

test_absent_not_judged if {
	r := rule.deny with input as doc([cluster("a", {"cluster_identifier": "a"})])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as doc([cluster("a", {"publicly_accessible": "<<unknown>>"})])
	count(r) == 0
}

test_data_source_ignored if {
	d := object.union(cluster("a", {"publicly_accessible": true}), {"mode": "data"})
	r := rule.deny with input as doc([d])
	count(r) == 0
}
