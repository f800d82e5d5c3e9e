package gate.rules.terraform.gcp.vpc_firewall_all_ports_test

import rego.v1

import data.gate.rules.terraform.gcp.vpc_firewall_all_ports as rule

fw(name, values) := {
	"address": sprintf("google_compute_firewall.%s", [name]), "config_address": sprintf("google_compute_firewall.%s", [name]),
	"module": "", "mode": "managed", "type": "google_compute_firewall", "name": name, "index": null,
	"provider": "google", "action": "create", "values": values, "refs": {"network": ["google_compute_network.vpc"]},
}

hcl(rs) := {"kind": "terraform", "source": "hcl", "resources": rs}

test_protocol_all_fails if {
	r := rule.deny with input as hcl([fw("a", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "icmp"}, {"protocol": "all"}]})])
	count(r) == 1
	some f in r
	f.resource == "google_compute_firewall.a"
	f.attribute == "allow[1]"
}

test_udp_without_ports_fails if {
	r := rule.deny with input as hcl([fw("a", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "udp"}]})])
	count(r) == 1
}

test_full_range_fails if {
	r := rule.deny with input as hcl([fw("a", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["0-65535"]}]})])
	count(r) == 1
}

test_specific_ports_pass if {
	r := rule.deny with input as hcl([fw("a", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["80", "443", "1000-2000"]}, {"protocol": "icmp"}]})])
	count(r) == 0
}

test_internal_source_passes if {
	r := rule.deny with input as hcl([fw("a", {"source_ranges": ["10.0.0.0/8"], "allow": [{"protocol": "all"}]})])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as hcl([fw("a", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "<<unknown>>"}]})])
	count(r) == 0
}
