package gate.rules.terraform.gcp.compute_public_ip_test

import rego.v1

import data.gate.rules.terraform.gcp.compute_public_ip as rule

res(t, name, values) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "google", "action": "create", "values": values, "refs": {},
}

vm(name, values) := res("google_compute_instance", name, values)

hcl(rs) := {"kind": "terraform", "source": "hcl", "resources": rs}

plan(rs) := {"kind": "terraform", "source": "plan", "resources": rs}

test_empty_access_config_fails if {
	r := rule.deny with input as hcl([vm("a", {"network_interface": [{"network": "default", "access_config": [{}]}]})])
	count(r) == 1
	some f in r
	f.resource == "google_compute_instance.a"
	f.attribute == "network_interface[0].access_config"
}

test_second_interface_fails if {
	nis := [{"subnetwork": "a", "access_config": []}, {"subnetwork": "b", "access_config": [{"nat_ip": "<<unknown>>"}]}]
	r := rule.deny with input as plan([res("google_compute_instance_template", "t", {"network_interface": nis})])
	count(r) == 1
	some f in r
	f.attribute == "network_interface[1].access_config"
}

test_internal_only_passes if {
	r := rule.deny with input as hcl([vm("a", {"network_interface": [{"subnetwork": "a"}]}), vm("b", {"network_interface": [{"access_config": [], "ipv6_access_config": []}]})])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as hcl([vm("a", {"network_interface": [{"access_config": "<<unknown>>"}]}), vm("b", {"network_interface": "<<unknown>>"})])
	count(r) == 0
}
