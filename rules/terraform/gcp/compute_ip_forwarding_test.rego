package gate.rules.terraform.gcp.compute_ip_forwarding_test

import rego.v1

import data.gate.rules.terraform.gcp.compute_ip_forwarding as rule

res(t, name, values) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "google", "action": "create", "values": values, "refs": {},
}

vm(name, values) := res("google_compute_instance", name, values)

hcl(rs) := {"kind": "terraform", "source": "hcl", "resources": rs}

plan(rs) := {"kind": "terraform", "source": "plan", "resources": rs}

test_enabled_fails if {
	r := rule.deny with input as hcl([vm("a", {"can_ip_forward": true})])
	count(r) == 1
	some f in r
	f.resource == "google_compute_instance.a"
	f.attribute == "can_ip_forward"
}

test_template_enabled_fails if {
	r := rule.deny with input as plan([res("google_compute_region_instance_template", "t", {"can_ip_forward": true})])
	count(r) == 1
}

test_default_passes if {
	r := rule.deny with input as hcl([vm("a", {}), vm("b", {"can_ip_forward": false})])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as hcl([vm("a", {"can_ip_forward": "<<unknown>>"})])
	count(r) == 0
}
