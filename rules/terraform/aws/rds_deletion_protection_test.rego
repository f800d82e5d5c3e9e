package gate.rules.terraform.aws.rds_deletion_protection_test

import rego.v1

import data.gate.rules.terraform.aws.rds_deletion_protection as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "aws", "action": "create", "values": values, "refs": refs,
}

u := "<<unknown>>"

deny(resources) := r if {
	r := rule.deny with input as {"kind": "terraform", "resources": resources}
}

test_missing_fails if {
	r := deny([res("aws_db_instance", "db", {"engine": "postgres"}, {})])
	count(r) == 1
	some f in r
	f.resource == "aws_db_instance.db"
	f.attribute == "deletion_protection"
}

test_false_fails if {
	count(deny([res("aws_rds_cluster", "c", {"deletion_protection": false}, {})])) == 1
}

test_true_passes if {
	count(deny([res("aws_db_instance", "db", {"deletion_protection": true}, {})])) == 0
}

test_unknown_does_not_fire if {
	count(deny([res("aws_db_instance", "db", {"deletion_protection": u}, {})])) == 0
}

test_replica_skipped if {
	count(deny([res("aws_db_instance", "db", {"replicate_source_db": u}, {})])) == 0
}
