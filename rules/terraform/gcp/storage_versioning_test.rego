package gate.rules.terraform.gcp.storage_versioning_test

import rego.v1

import data.gate.rules.terraform.gcp.storage_versioning as rule

bucket(name, values) := {
	"address": sprintf("google_storage_bucket.%s", [name]), "config_address": sprintf("google_storage_bucket.%s", [name]),
	"module": "", "mode": "managed", "type": "google_storage_bucket", "name": name, "index": null,
	"provider": "google", "action": "create", "values": values, "refs": {},
}

hcl(rs) := {"kind": "terraform", "source": "hcl", "resources": rs}

test_absent_fails if {
	r := rule.deny with input as hcl([bucket("a", {"name": "a"})])
	count(r) == 1
	some f in r
	f.resource == "google_storage_bucket.a"
}

test_disabled_fails if {
	r := rule.deny with input as hcl([bucket("a", {"versioning": [{"enabled": false}]})])
	count(r) == 1
}

test_plan_empty_block_fails if {
	r := rule.deny with input as {"kind": "terraform", "source": "plan", "resources": [bucket("a", {"versioning": []})]}
	count(r) == 1
}

test_enabled_passes if {
	r := rule.deny with input as hcl([bucket("a", {"versioning": [{"enabled": true}]})])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as hcl([bucket("a", {"versioning": [{"enabled": "<<unknown>>"}]})])
	count(r) == 0
}

test_plan_computed_block_fails if {
	r := rule.deny with input as {"kind": "terraform", "source": "plan", "resources": [bucket("a", {"versioning": "<<unknown>>"})]}
	count(r) == 1
}

test_unknown_block_in_hcl_passes if {
	r := rule.deny with input as hcl([bucket("a", {"versioning": "<<unknown>>"})])
	count(r) == 0
}
