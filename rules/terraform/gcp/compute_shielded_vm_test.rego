package gate.rules.terraform.gcp.compute_shielded_vm_test

import rego.v1

import data.gate.rules.terraform.gcp.compute_shielded_vm as rule

res(t, name, values) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "google", "action": "create", "values": values, "refs": {},
}

vm(name, values) := res("google_compute_instance", name, values)

hcl(rs) := {"kind": "terraform", "source": "hcl", "resources": rs}

plan(rs) := {"kind": "terraform", "source": "plan", "resources": rs}

test_vtpm_off_fails if {
	r := rule.deny with input as hcl([vm("a", {"shielded_instance_config": [{"enable_vtpm": false}]})])
	count(r) == 1
	some f in r
	f.resource == "google_compute_instance.a"
	f.attribute == "shielded_instance_config[0].enable_vtpm"
}

test_both_off_fails_twice if {
	c := {"enable_vtpm": false, "enable_integrity_monitoring": false}
	r := rule.deny with input as plan([res("google_compute_instance_template", "t", {"shielded_instance_config": [c]})])
	count(r) == 2
}

test_defaults_pass if {
	r := rule.deny with input as hcl([vm("a", {}), vm("b", {"shielded_instance_config": [{"enable_secure_boot": true}]})])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as hcl([vm("a", {"shielded_instance_config": [{"enable_vtpm": "<<unknown>>"}]})])
	count(r) == 0
}
