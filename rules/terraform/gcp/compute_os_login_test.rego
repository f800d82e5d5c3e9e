package gate.rules.terraform.gcp.compute_os_login_test

import rego.v1

import data.gate.rules.terraform.gcp.compute_os_login as rule

res(t, name, values) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "google", "action": "create", "values": values, "refs": {},
}

vm(name, values) := res("google_compute_instance", name, values)

hcl(rs) := {"kind": "terraform", "source": "hcl", "resources": rs}

plan(rs) := {"kind": "terraform", "source": "plan", "resources": rs}

test_project_metadata_without_oslogin_fails if {
	r := rule.deny with input as hcl([res("google_compute_project_metadata", "p", {"metadata": {"foo": "bar"}})])
	count(r) == 1
	some f in r
	f.resource == "google_compute_project_metadata.p"
	f.attribute == "metadata"
}

test_item_false_fails if {
	r := rule.deny with input as hcl([res("google_compute_project_metadata_item", "i", {"key": "enable-oslogin", "value": "FALSE"})])
	count(r) == 1
	some f in r
	f.attribute == "value"
}

test_instance_off_fails if {
	r := rule.deny with input as plan([vm("a", {"metadata": {"enable-oslogin": "false"}})])
	count(r) == 1
}

test_enabled_passes if {
	r := rule.deny with input as hcl([
		res("google_compute_project_metadata", "p", {"metadata": {"enable-oslogin": "TRUE"}}),
		res("google_compute_project_metadata_item", "i", {"key": "enable-oslogin", "value": "TRUE"}),
		vm("a", {}),
		vm("b", {"metadata": {"enable-oslogin": "true"}}),
	])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as hcl([
		res("google_compute_project_metadata", "p", {"metadata": {"enable-oslogin": "<<unknown>>"}}),
		res("google_compute_project_metadata", "q", {"metadata": "<<unknown>>"}),
		res("google_compute_project_metadata_item", "i", {"key": "enable-oslogin", "value": "<<unknown>>"}),
		vm("a", {"metadata": {"enable-oslogin": "<<unknown>>"}}),
	])
	count(r) == 0
}
