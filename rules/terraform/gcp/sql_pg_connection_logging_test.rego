package gate.rules.terraform.gcp.sql_pg_connection_logging_test

import rego.v1

import data.gate.rules.terraform.gcp.sql_pg_connection_logging as rule

db(name, values, refs) := {
	"address": sprintf("google_sql_database_instance.%s", [name]), "config_address": sprintf("google_sql_database_instance.%s", [name]),
	"module": "", "mode": "managed", "type": "google_sql_database_instance", "name": name, "index": null,
	"provider": "google", "action": "create", "values": values, "refs": refs,
}

hcl(rs) := {"kind": "terraform", "source": "hcl", "resources": rs}

plan(rs) := {"kind": "terraform", "source": "plan", "resources": rs}

pg(flags) := {"database_version": "POSTGRES_15", "settings": [{"database_flags": flags}]}

test_no_flags_fails if {
	r := rule.deny with input as hcl([db("a", {"database_version": "POSTGRES_15", "settings": [{"tier": "db-f1-micro"}]}, {})])
	count(r) == 1
	some f in r
	f.resource == "google_sql_database_instance.a"
	contains(f.msg, "log_connections and log_disconnections")
}

test_one_missing_fails if {
	r := rule.deny with input as hcl([db("a", pg([{"name": "log_connections", "value": "on"}]), {})])
	count(r) == 1
	some f in r
	not contains(f.msg, "log_connections ")
	contains(f.msg, "log_disconnections")
}

test_off_fails if {
	r := rule.deny with input as plan([db("a", pg([{"name": "log_connections", "value": "off"}, {"name": "log_disconnections", "value": "on"}]), {})])
	count(r) == 1
}

test_both_on_passes if {
	r := rule.deny with input as hcl([db("a", pg([{"name": "log_connections", "value": "on"}, {"name": "log_disconnections", "value": "ON"}]), {})])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as hcl([db("a", pg([{"name": "log_connections", "value": "<<unknown>>"}]), {}), db("b", pg("<<unknown>>"), {})])
	count(r) == 0
}

test_mysql_not_checked if {
	r := rule.deny with input as hcl([db("a", {"database_version": "MYSQL_8_0", "settings": [{"tier": "db-f1-micro"}]}, {})])
	count(r) == 0
}
