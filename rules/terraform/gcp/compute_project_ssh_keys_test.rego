package gate.rules.terraform.gcp.compute_project_ssh_keys_test

import rego.v1

import data.gate.rules.terraform.gcp.compute_project_ssh_keys as rule

res(t, name, values) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "google", "action": "create", "values": values, "refs": {},
}

vm(name, values) := res("google_compute_instance", name, values)

hcl(rs) := {"kind": "terraform", "source": "hcl", "resources": rs}

plan(rs) := {"kind": "terraform", "source": "plan", "resources": rs}

test_no_metadata_fails if {
	r := rule.deny with input as hcl([vm("a", {"name": "a"})])
	count(r) == 1
	some f in r
	f.resource == "google_compute_instance.a"
	f.attribute == "metadata"
}

test_false_and_template_fail if {
	r := rule.deny with input as plan([
		vm("a", {"metadata": {"block-project-ssh-keys": "false", "enable-oslogin": "false"}}),
		res("google_compute_instance_template", "t", {"metadata": {"foo": "bar"}}),
	])
	count(r) == 2
}

test_blocked_passes if {
	r := rule.deny with input as hcl([
		vm("a", {"metadata": {"block-project-ssh-keys": "true"}}),
		vm("b", {"metadata": {"block-project-ssh-keys": true}}),
		vm("c", {"metadata": {"block-project-ssh-keys": "TRUE"}}),
	])
	count(r) == 0
}

test_os_login_instance_passes if {
	r := rule.deny with input as hcl([vm("a", {"metadata": {"enable-oslogin": "TRUE"}})])
	count(r) == 0
}

test_os_login_project_passes if {
	pm := res("google_compute_project_metadata", "p", {"metadata": {"enable-oslogin": "TRUE"}})
	r := rule.deny with input as hcl([pm, vm("a", {})])
	count(r) == 0
}

test_os_login_project_but_instance_off_fails if {
	pm := res("google_compute_project_metadata", "p", {"metadata": {"enable-oslogin": "TRUE"}})
	r := rule.deny with input as hcl([pm, vm("a", {"metadata": {"enable-oslogin": "FALSE"}})])
	count(r) == 1
}

test_unknown_passes if {
	item := res("google_compute_project_metadata_item", "i", {"key": "enable-oslogin", "value": "<<unknown>>"})
	r := rule.deny with input as hcl([
		vm("a", {"metadata": "<<unknown>>"}),
		vm("b", {"metadata": {"block-project-ssh-keys": "<<unknown>>"}}),
		vm("c", {"metadata": {"enable-oslogin": "<<unknown>>"}}),
	])
	count(r) == 0
	r2 := rule.deny with input as hcl([item, vm("d", {})])
	count(r2) == 0
}
