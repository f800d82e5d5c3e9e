package gate.rules.terraform.gcp.sql_deletion_protection_test

import rego.v1

import data.gate.rules.terraform.gcp.sql_deletion_protection as rule

db(name, values, refs) := {
	"address": sprintf("google_sql_database_instance.%s", [name]), "config_address": sprintf("google_sql_database_instance.%s", [name]),
	"module": "", "mode": "managed", "type": "google_sql_database_instance", "name": name, "index": null,
	"provider": "google", "action": "create", "values": values, "refs": refs,
}

hcl(rs) := {"kind": "terraform", "source": "hcl", "resources": rs}

plan(rs) := {"kind": "terraform", "source": "plan", "resources": rs}

test_false_fails if {
	r := rule.deny with input as hcl([db("a", {"deletion_protection": false}, {})])
	count(r) == 1
	some f in r
	f.resource == "google_sql_database_instance.a"
	f.attribute == "deletion_protection"
}

test_default_passes if {
	r := rule.deny with input as hcl([db("a", {"database_version": "MYSQL_8_0"}, {})])
	count(r) == 0
}

test_true_passes if {
	r := rule.deny with input as plan([db("a", {"deletion_protection": true}, {})])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as hcl([db("a", {"deletion_protection": "<<unknown>>"}, {})])
	count(r) == 0
}
