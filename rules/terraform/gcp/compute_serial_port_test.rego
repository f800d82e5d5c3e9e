package gate.rules.terraform.gcp.compute_serial_port_test

import rego.v1

import data.gate.rules.terraform.gcp.compute_serial_port as rule

res(t, name, values) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "google", "action": "create", "values": values, "refs": {},
}

vm(name, values) := res("google_compute_instance", name, values)

hcl(rs) := {"kind": "terraform", "source": "hcl", "resources": rs}

plan(rs) := {"kind": "terraform", "source": "plan", "resources": rs}

test_instance_enabled_fails if {
	r := rule.deny with input as hcl([vm("a", {"metadata": {"serial-port-enable": "true"}})])
	count(r) == 1
	some f in r
	f.resource == "google_compute_instance.a"
	f.attribute == "metadata"
}

test_project_metadata_and_item_fail if {
	r := rule.deny with input as plan([
		res("google_compute_project_metadata", "p", {"metadata": {"serial-port-enable": "1"}}),
		res("google_compute_project_metadata_item", "i", {"key": "serial-port-enable", "value": "TRUE"}),
	])
	count(r) == 2
}

test_off_or_absent_passes if {
	r := rule.deny with input as hcl([
		vm("a", {"metadata": {"serial-port-enable": "false"}}),
		vm("b", {}),
		res("google_compute_project_metadata_item", "i", {"key": "serial-port-enable", "value": "FALSE"}),
	])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as hcl([vm("a", {"metadata": {"serial-port-enable": "<<unknown>>"}}), vm("b", {"metadata": "<<unknown>>"})])
	count(r) == 0
}
