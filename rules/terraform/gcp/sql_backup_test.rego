package gate.rules.terraform.gcp.sql_backup_test

import rego.v1

import data.gate.rules.terraform.gcp.sql_backup as rule

db(name, values, refs) := {
	"address": sprintf("google_sql_database_instance.%s", [name]), "config_address": sprintf("google_sql_database_instance.%s", [name]),
	"module": "", "mode": "managed", "type": "google_sql_database_instance", "name": name, "index": null,
	"provider": "google", "action": "create", "values": values, "refs": refs,
}

hcl(rs) := {"kind": "terraform", "source": "hcl", "resources": rs}

plan(rs) := {"kind": "terraform", "source": "plan", "resources": rs}

test_no_backup_block_fails if {
	r := rule.deny with input as hcl([db("a", {"database_version": "POSTGRES_11", "settings": [{"tier": "db-f1-micro"}]}, {})])
	count(r) == 1
	some f in r
	f.resource == "google_sql_database_instance.a"
	f.attribute == "settings[0]"
}

test_block_without_enabled_fails if {
	r := rule.deny with input as hcl([db("a", {"settings": [{"backup_configuration": [{"binary_log_enabled": true}]}]}, {})])
	count(r) == 1
	some f in r
	f.attribute == "settings[0].backup_configuration[0].enabled"
}

test_disabled_fails if {
	r := rule.deny with input as plan([db("a", {"settings": [{"backup_configuration": [{"enabled": false}]}]}, {})])
	count(r) == 1
}

test_plan_computed_block_fails if {
	r := rule.deny with input as plan([db("a", {"master_instance_name": "<<unknown>>", "settings": [{"backup_configuration": "<<unknown>>"}]}, {})])
	count(r) == 1
}

test_enabled_passes if {
	r := rule.deny with input as hcl([db("a", {"settings": [{"backup_configuration": [{"enabled": true}]}]}, {})])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as hcl([db("a", {"settings": [{"backup_configuration": [{"enabled": "<<unknown>>"}]}]}, {})])
	count(r) == 0
}

test_replicas_skipped if {
	by_name := db("r1", {"master_instance_name": "main", "settings": [{"tier": "db-f1-micro"}]}, {})
	by_ref := db("r2", {"master_instance_name": "<<unknown>>", "settings": [{"tier": "db-f1-micro"}]}, {"master_instance_name": ["google_sql_database_instance.main"]})
	by_var := db("r3", {"master_instance_name": "<<unknown>>", "settings": [{"tier": "db-f1-micro"}]}, {})
	r := rule.deny with input as hcl([by_name, by_ref, by_var])
	count(r) == 0
}

test_plan_replica_by_ref_skipped if {
	by_ref := db("r2", {"master_instance_name": "<<unknown>>", "settings": [{"backup_configuration": "<<unknown>>"}]}, {"master_instance_name": ["google_sql_database_instance.main"]})
	r := rule.deny with input as plan([by_ref])
	count(r) == 0
}
