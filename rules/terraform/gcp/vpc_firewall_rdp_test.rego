package gate.rules.terraform.gcp.vpc_firewall_rdp_test

import rego.v1

import data.gate.rules.terraform.gcp.vpc_firewall_rdp as rule

fw(name, values) := {
	"address": sprintf("google_compute_firewall.%s", [name]), "config_address": sprintf("google_compute_firewall.%s", [name]),
	"module": "", "mode": "managed", "type": "google_compute_firewall", "name": name, "index": null,
	"provider": "google", "action": "create", "values": values, "refs": {"network": ["google_compute_network.vpc"]},
}

hcl(rs) := {"kind": "terraform", "source": "hcl", "resources": rs}

test_open_port_fails if {
	v := {"network": "<<unknown>>", "direction": "INGRESS", "source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "icmp"}, {"protocol": "tcp", "ports": ["80", "3389"]}]}
	r := rule.deny with input as hcl([fw("a", v)])
	count(r) == 1
	some f in r
	f.resource == "google_compute_firewall.a"
	f.attribute == "allow[1]"
}

test_port_range_and_default_direction_fails if {
	v := {"source_ranges": ["10.0.0.0/8", "0.0.0.0/0"], "source_tags": ["web"], "allow": [{"protocol": "tcp", "ports": ["21-3390"]}]}
	r := rule.deny with input as hcl([fw("a", v)])
	count(r) == 1
}

test_all_protocols_fails if {
	r := rule.deny with input as hcl([fw("a", {"source_ranges": ["::/0"], "allow": [{"protocol": "all"}]})])
	count(r) == 1
}

test_tcp_without_ports_and_no_source_fails if {
	r := rule.deny with input as hcl([fw("a", {"allow": [{"protocol": "tcp"}]})])
	count(r) == 1
}

test_other_port_passes if {
	r := rule.deny with input as hcl([fw("a", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["443", "22"]}]})])
	count(r) == 0
}

test_restricted_source_passes if {
	r := rule.deny with input as hcl([
		fw("a", {"source_ranges": ["35.235.240.0/20"], "allow": [{"protocol": "tcp", "ports": ["3389"]}]}),
		fw("b", {"source_tags": ["bastion"], "allow": [{"protocol": "tcp", "ports": ["3389"]}]}),
	])
	count(r) == 0
}

test_disabled_egress_and_deny_pass if {
	r := rule.deny with input as hcl([
		fw("a", {"disabled": true, "source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["3389"]}]}),
		fw("b", {"direction": "EGRESS", "destination_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["3389"]}]}),
		fw("c", {"source_ranges": ["0.0.0.0/0"], "deny": [{"protocol": "tcp", "ports": ["3389"]}]}),
	])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as hcl([
		fw("a", {"source_ranges": "<<unknown>>", "allow": [{"protocol": "tcp", "ports": ["3389"]}]}),
		fw("b", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": "<<unknown>>"}]}),
		fw("c", {"source_ranges": ["0.0.0.0/0"], "allow": "<<unknown>>"}),
	])
	count(r) == 0
}
