package gate.rules.terraform.gcp.iam_service_account_key_test

import rego.v1

import data.gate.rules.terraform.gcp.iam_service_account_key as rule

res(t, name, values) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "google", "action": "create", "values": values, "refs": {},
}

hcl(rs) := {"kind": "terraform", "source": "hcl", "resources": rs}

plan(rs) := {"kind": "terraform", "source": "plan", "resources": rs}

test_generated_key_fails if {
	r := rule.deny with input as hcl([res("google_service_account_key", "k", {"service_account_id": "<<unknown>>"})])
	count(r) == 1
	some f in r
	f.resource == "google_service_account_key.k"
	f.attribute == ""
}

test_plan_null_public_key_fails if {
	r := rule.deny with input as plan([res("google_service_account_key", "k", {"public_key_data": null, "private_key": "<<unknown>>"})])
	count(r) == 1
}

test_uploaded_key_passes if {
	r := rule.deny with input as hcl([res("google_service_account_key", "k", {"public_key_data": "LS0tLS1CRUdJTi..."})])
	count(r) == 0
}

test_unknown_public_key_passes if {
	r := rule.deny with input as hcl([res("google_service_account_key", "k", {"public_key_data": "<<unknown>>"})])
	count(r) == 0
}

test_data_source_ignored if {
	d := object.union(res("google_service_account_key", "k", {}), {"mode": "data", "address": "data.google_service_account_key.k"})
	r := rule.deny with input as hcl([d])
	count(r) == 0
}
