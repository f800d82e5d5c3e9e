package gate.rules.terraform.gcp.sql_risky_flags_test

import rego.v1

import data.gate.rules.terraform.gcp.sql_risky_flags as rule

db(name, values, refs) := {
	"address": sprintf("google_sql_database_instance.%s", [name]), "config_address": sprintf("google_sql_database_instance.%s", [name]),
	"module": "", "mode": "managed", "type": "google_sql_database_instance", "name": name, "index": null,
	"provider": "google", "action": "create", "values": values, "refs": refs,
}

hcl(rs) := {"kind": "terraform", "source": "hcl", "resources": rs}

plan(rs) := {"kind": "terraform", "source": "plan", "resources": rs}

inst(version, flags) := {"database_version": version, "settings": [{"database_flags": flags}]}

test_mysql_local_infile_fails if {
	r := rule.deny with input as hcl([db("a", inst("MYSQL_8_0", [{"name": "local_infile", "value": "on"}]), {})])
	count(r) == 1
	some f in r
	f.resource == "google_sql_database_instance.a"
	f.attribute == "settings[0].database_flags[0].value"
}

test_sqlserver_flags_fail if {
	flags := [{"name": "cross db ownership chaining", "value": "on"}, {"name": "contained database authentication", "value": "off"}, {"name": "external scripts enabled", "value": "On"}]
	r := rule.deny with input as plan([db("a", inst("SQLSERVER_2019_STANDARD", flags), {})])
	count(r) == 2
}

test_off_and_absent_pass if {
	r := rule.deny with input as hcl([
		db("a", inst("MYSQL_8_0", [{"name": "local_infile", "value": "off"}]), {}),
		db("b", {"database_version": "MYSQL_8_0", "settings": [{"tier": "db-f1-micro"}]}, {}),
	])
	count(r) == 0
}

test_flag_of_other_engine_passes if {
	r := rule.deny with input as hcl([db("a", inst("POSTGRES_15", [{"name": "local_infile", "value": "on"}]), {})])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as hcl([db("a", inst("MYSQL_8_0", [{"name": "local_infile", "value": "<<unknown>>"}]), {})])
	count(r) == 0
}
