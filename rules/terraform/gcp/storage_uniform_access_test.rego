package gate.rules.terraform.gcp.storage_uniform_access_test

import rego.v1

import data.gate.rules.terraform.gcp.storage_uniform_access as rule

bucket(name, values) := {
	"address": sprintf("google_storage_bucket.%s", [name]), "config_address": sprintf("google_storage_bucket.%s", [name]),
	"module": "", "mode": "managed", "type": "google_storage_bucket", "name": name, "index": null,
	"provider": "google", "action": "create", "values": values, "refs": {},
}

hcl(rs) := {"kind": "terraform", "source": "hcl", "resources": rs}

plan(rs) := {"kind": "terraform", "source": "plan", "resources": rs}

test_absent_fails if {
	r := rule.deny with input as hcl([bucket("a", {"name": "a", "location": "EU"})])
	count(r) == 1
	some f in r
	f.resource == "google_storage_bucket.a"
	f.attribute == "uniform_bucket_level_access"
}

test_false_fails if {
	r := rule.deny with input as plan([bucket("a", {"uniform_bucket_level_access": false})])
	count(r) == 1
}

test_plan_computed_default_fails if {
	r := rule.deny with input as plan([bucket("a", {"uniform_bucket_level_access": "<<unknown>>"})])
	count(r) == 1
}

test_true_passes if {
	r := rule.deny with input as hcl([bucket("a", {"uniform_bucket_level_access": true})])
	count(r) == 0
}

test_unknown_in_hcl_passes if {
	r := rule.deny with input as hcl([bucket("a", {"uniform_bucket_level_access": "<<unknown>>"})])
	count(r) == 0
}

test_data_source_ignored if {
	d := object.union(bucket("a", {}), {"mode": "data", "address": "data.google_storage_bucket.a"})
	r := rule.deny with input as hcl([d])
	count(r) == 0
}
