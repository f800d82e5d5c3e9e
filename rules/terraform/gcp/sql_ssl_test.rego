package gate.rules.terraform.gcp.sql_ssl_test

import rego.v1

import data.gate.rules.terraform.gcp.sql_ssl as rule

db(name, values, refs) := {
	"address": sprintf("google_sql_database_instance.%s", [name]), "config_address": sprintf("google_sql_database_instance.%s", [name]),
	"module": "", "mode": "managed", "type": "google_sql_database_instance", "name": name, "index": null,
	"provider": "google", "action": "create", "values": values, "refs": refs,
}

hcl(rs) := {"kind": "terraform", "source": "hcl", "resources": rs}

plan(rs) := {"kind": "terraform", "source": "plan", "resources": rs}

test_no_ip_configuration_fails if {
	r := rule.deny with input as hcl([db("a", {"database_version": "POSTGRES_15", "settings": [{"tier": "db-f1-micro"}]}, {})])
	count(r) == 1
	some f in r
	f.resource == "google_sql_database_instance.a"
	f.attribute == "settings[0]"
}

test_allow_unencrypted_fails if {
	r := rule.deny with input as hcl([db("a", {"settings": [{"ip_configuration": [{"ssl_mode": "ALLOW_UNENCRYPTED_AND_ENCRYPTED", "require_ssl": true}]}]}, {})])
	count(r) == 1
	some f in r
	f.attribute == "settings[0].ip_configuration[0].ssl_mode"
}

test_require_ssl_false_fails if {
	r := rule.deny with input as hcl([db("a", {"settings": [{"ip_configuration": [{"require_ssl": false}]}]}, {})])
	count(r) == 1
}

test_plan_computed_ssl_mode_fails if {
	ip := {"ipv4_enabled": true, "ssl_mode": "<<unknown>>", "require_ssl": "<<unknown>>"}
	r := rule.deny with input as plan([db("a", {"settings": [{"ip_configuration": [ip]}]}, {})])
	count(r) == 1
}

test_plan_computed_block_fails if {
	r := rule.deny with input as plan([db("a", {"settings": [{"ip_configuration": "<<unknown>>"}]}, {})])
	count(r) == 1
}

test_encrypted_only_passes if {
	r := rule.deny with input as hcl([db("a", {"settings": [{"ip_configuration": [{"ssl_mode": "ENCRYPTED_ONLY"}]}]}, {})])
	count(r) == 0
}

test_legacy_require_ssl_passes if {
	r := rule.deny with input as plan([db("a", {"settings": [{"ip_configuration": [{"require_ssl": true, "ssl_mode": "<<unknown>>"}]}]}, {})])
	count(r) == 0
}

test_unknown_in_hcl_passes if {
	r := rule.deny with input as hcl([db("a", {"settings": [{"ip_configuration": [{"ssl_mode": "<<unknown>>"}]}]}, {})])
	count(r) == 0
}

test_referenced_unknown_in_plan_passes if {
	r := rule.deny with input as plan([db("a", {"settings": [{"ip_configuration": [{"ssl_mode": "<<unknown>>"}]}]}, {"settings.ip_configuration.ssl_mode": ["terraform_data.mode"]})])
	count(r) == 0
}

test_no_settings_skipped if {
	r := rule.deny with input as hcl([db("a", {"database_version": "POSTGRES_15"}, {})])
	count(r) == 0
}
