package gate.rules.terraform.aws.rds_storage_encrypted_test

import rego.v1

import data.gate.rules.terraform.aws.rds_storage_encrypted as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "aws", "action": "create", "values": values, "refs": refs,
}

u := "<<unknown>>"

deny(resources) := r if {
	r := rule.deny with input as {"kind": "terraform", "resources": resources}
}

db(name, values) := res("aws_db_instance", name, object.union({"engine": "postgres", "instance_class": "db.t3.micro"}, values), {})

test_unencrypted_instance_fails if {
	r := deny([db("a", {"storage_encrypted": false})])
	count(r) == 1
	some f in r
	f.resource == "aws_db_instance.a"
	f.attribute == "storage_encrypted"
}

test_missing_fails if {
	count(deny([db("a", {})])) == 1
}

test_encrypted_passes if {
	count(deny([db("a", {"storage_encrypted": true})])) == 0
}

test_unknown_does_not_fire if {
	count(deny([db("a", {"storage_encrypted": u})])) == 0
}

test_cluster if {
	count(deny([res("aws_rds_cluster", "c", {"engine": "aurora-postgresql"}, {})])) == 1
	count(deny([res("aws_rds_cluster", "c", {"engine": "aurora-postgresql", "storage_encrypted": true}, {})])) == 0
	count(deny([res("aws_rds_cluster", "c", {"engine": "aurora-mysql", "engine_mode": "serverless"}, {})])) == 0
	count(deny([res("aws_rds_cluster", "c", {"engine": "aurora-mysql", "engine_mode": "provisioned"}, {})])) == 1
}

test_inherited_encryption_skipped if {
	count(deny([db("replica", {"replicate_source_db": u})])) == 0
	count(deny([db("restore", {"snapshot_identifier": "snap-1"})])) == 0
	count(deny([res("aws_rds_cluster", "g", {"global_cluster_identifier": u}, {})])) == 0
	count(deny([db("plain", {"replicate_source_db": null, "snapshot_identifier": null, "s3_import": []})])) == 1
}

test_data_source_ignored if {
	count(deny([object.union(db("a", {}), {"mode": "data"})])) == 0
}
