package gate.rules.terraform.gcp.storage_public_access_prevention_test

import rego.v1

import data.gate.rules.terraform.gcp.storage_public_access_prevention as rule

bucket(name, values) := {
	"address": sprintf("google_storage_bucket.%s", [name]), "config_address": sprintf("google_storage_bucket.%s", [name]),
	"module": "", "mode": "managed", "type": "google_storage_bucket", "name": name, "index": null,
	"provider": "google", "action": "create", "values": values, "refs": {},
}

hcl(rs) := {"kind": "terraform", "source": "hcl", "resources": rs}

plan(rs) := {"kind": "terraform", "source": "plan", "resources": rs}

test_absent_fails if {
	r := rule.deny with input as hcl([bucket("a", {"name": "a"})])
	count(r) == 1
	some f in r
	f.resource == "google_storage_bucket.a"
	f.attribute == "public_access_prevention"
}

test_inherited_fails if {
	r := rule.deny with input as plan([bucket("a", {"public_access_prevention": "inherited", "website": []})])
	count(r) == 1
}

test_plan_computed_fails if {
	r := rule.deny with input as plan([bucket("a", {"public_access_prevention": "<<unknown>>", "website": "<<unknown>>"})])
	count(r) == 1
}

test_enforced_passes if {
	r := rule.deny with input as hcl([bucket("a", {"public_access_prevention": "enforced"})])
	count(r) == 0
}

test_unknown_hcl_passes if {
	r := rule.deny with input as hcl([bucket("a", {"public_access_prevention": "<<unknown>>"})])
	count(r) == 0
}

test_website_bucket_skipped if {
	r := rule.deny with input as hcl([bucket("site", {"website": [{"main_page_suffix": "index.html"}]})])
	count(r) == 0
}
