package gate.rules.terraform.aws.rds_public_test

import rego.v1

import data.gate.rules.terraform.aws.rds_public as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "aws", "action": "create", "values": values, "refs": refs,
}

u := "<<unknown>>"

deny(resources) := r if {
	r := rule.deny with input as {"kind": "terraform", "resources": resources}
}

test_public_instance_fails if {
	r := deny([res("aws_db_instance", "a", {"publicly_accessible": true}, {})])
	count(r) == 1
	some f in r
	f.resource == "aws_db_instance.a"
	f.attribute == "publicly_accessible"
}

test_public_cluster_instance_fails if {
	count(deny([res("aws_rds_cluster_instance", "a", {"publicly_accessible": true}, {})])) == 1
	count(deny([res("aws_rds_cluster", "a", {"publicly_accessible": true}, {})])) == 1
}

test_private_passes if {
	count(deny([res("aws_db_instance", "a", {"publicly_accessible": false}, {})])) == 0
	count(deny([res("aws_db_instance", "a", {}, {})])) == 0
}

test_unknown_does_not_fire if {
	count(deny([res("aws_db_instance", "a", {"publicly_accessible": u}, {})])) == 0
}

test_data_source_ignored if {
	count(deny([object.union(res("aws_db_instance", "a", {"publicly_accessible": true}, {}), {"mode": "data"})])) == 0
}
