package gate.rules.terraform.aws.rds_backup_retention_test

import rego.v1

import data.gate.rules.terraform.aws.rds_backup_retention as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "aws", "action": "create", "values": values, "refs": refs,
}

u := "<<unknown>>"

deny(resources) := r if {
	r := rule.deny with input as {"kind": "terraform", "resources": resources}
}

db(values) := res("aws_db_instance", "db", object.union({"engine": "mysql"}, values), {})

test_disabled_backups_fail if {
	r := deny([db({"backup_retention_period": 0})])
	count(r) == 1
	some f in r
	f.resource == "aws_db_instance.db"
	f.attribute == "backup_retention_period"
}

test_short_or_missing_fails if {
	count(deny([db({"backup_retention_period": 3})])) == 1
	count(deny([db({})])) == 1
	count(deny([res("aws_rds_cluster", "c", {"engine": "aurora-postgresql", "backup_retention_period": 1}, {})])) == 1
}

test_long_enough_passes if {
	count(deny([db({"backup_retention_period": 7})])) == 0
	count(deny([db({"backup_retention_period": "35"})])) == 0
}

test_unknown_does_not_fire if {
	count(deny([db({"backup_retention_period": u})])) == 0
}

test_replicas_skipped if {
	count(deny([db({"replicate_source_db": u})])) == 0
	count(deny([db({"replicate_source_db": null, "backup_retention_period": 0})])) == 1
	count(deny([res("aws_rds_cluster", "c", {"global_cluster_identifier": "g"}, {})])) == 0
}

test_param if {
	r := rule.deny with input as {"kind": "terraform", "resources": [db({"backup_retention_period": 7})]}
		with data.gate_config.params as {"GATE-AWS-RDS-003": {"min_days": 14}}
	count(r) == 1
}
