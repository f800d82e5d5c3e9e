package gate.rules.terraform.gcp.sql_pitr_test

import rego.v1

import data.gate.rules.terraform.gcp.sql_pitr as rule

db(name, values, refs) := {
	"address": sprintf("google_sql_database_instance.%s", [name]), "config_address": sprintf("google_sql_database_instance.%s", [name]),
	"module": "", "mode": "managed", "type": "google_sql_database_instance", "name": name, "index": null,
	"provider": "google", "action": "create", "values": values, "refs": refs,
}

hcl(rs) := {"kind": "terraform", "source": "hcl", "resources": rs}

plan(rs) := {"kind": "terraform", "source": "plan", "resources": rs}

pg(version, backup) := {"database_version": version, "settings": [{"backup_configuration": backup}]}

test_pg15_without_pitr_fails if {
	r := rule.deny with input as hcl([db("a", pg("POSTGRES_15", [{"enabled": true}]), {})])
	count(r) == 1
	some f in r
	f.resource == "google_sql_database_instance.a"
	f.attribute == "settings[0].backup_configuration[0].point_in_time_recovery_enabled"
}

test_explicit_false_fails_on_any_edition if {
	v := {"database_version": "POSTGRES_16", "settings": [{"edition": "ENTERPRISE_PLUS", "backup_configuration": [{"enabled": true, "point_in_time_recovery_enabled": false}]}]}
	r := rule.deny with input as plan([db("a", v, {})])
	count(r) == 1
}

test_enterprise_edition_pg16_fails if {
	v := {"database_version": "POSTGRES_16", "settings": [{"edition": "ENTERPRISE"}]}
	r := rule.deny with input as hcl([db("a", v, {})])
	count(r) == 1
	some f in r
	f.attribute == "settings[0]"
}

test_pg16_default_edition_skipped if {
	r := rule.deny with input as hcl([db("a", pg("POSTGRES_16", [{"enabled": true}]), {})])
	count(r) == 0
}

test_enabled_passes if {
	r := rule.deny with input as hcl([db("a", pg("POSTGRES_14", [{"enabled": true, "point_in_time_recovery_enabled": true}]), {})])
	count(r) == 0
}

test_mysql_not_checked if {
	r := rule.deny with input as hcl([db("a", pg("MYSQL_8_0", [{"enabled": true}]), {})])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as hcl([db("a", pg("POSTGRES_14", [{"point_in_time_recovery_enabled": "<<unknown>>"}]), {})])
	count(r) == 0
}

test_replica_skipped if {
	v := object.union(pg("POSTGRES_14", []), {"master_instance_name": "main"})
	r := rule.deny with input as hcl([db("a", v, {})])
	count(r) == 0
}
