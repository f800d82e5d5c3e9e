package gate.rules.terraform.gcp.sql_public_network_test

import rego.v1

import data.gate.rules.terraform.gcp.sql_public_network as rule

db(name, values, refs) := {
	"address": sprintf("google_sql_database_instance.%s", [name]), "config_address": sprintf("google_sql_database_instance.%s", [name]),
	"module": "", "mode": "managed", "type": "google_sql_database_instance", "name": name, "index": null,
	"provider": "google", "action": "create", "values": values, "refs": refs,
}

hcl(rs) := {"kind": "terraform", "source": "hcl", "resources": rs}

plan(rs) := {"kind": "terraform", "source": "plan", "resources": rs}

with_networks(ip) := {"settings": [{"ip_configuration": [ip]}]}

test_world_network_default_public_ip_fails if {
	ip := {"authorized_networks": [{"name": "office", "value": "203.0.113.0/24"}, {"name": "all", "value": "0.0.0.0/0"}]}
	r := rule.deny with input as hcl([db("a", with_networks(ip), {})])
	count(r) == 1
	some f in r
	f.resource == "google_sql_database_instance.a"
	f.attribute == "settings[0].ip_configuration[0].authorized_networks[1].value"
}

test_world_network_explicit_public_ip_fails if {
	ip := {"ipv4_enabled": true, "authorized_networks": [{"value": "::/0"}]}
	r := rule.deny with input as plan([db("a", with_networks(ip), {})])
	count(r) == 1
}

test_private_only_passes if {
	ip := {"ipv4_enabled": false, "authorized_networks": [{"value": "0.0.0.0/0"}]}
	r := rule.deny with input as hcl([db("a", with_networks(ip), {})])
	count(r) == 0
}

test_narrow_network_passes if {
	ip := {"authorized_networks": [{"value": "203.0.113.10/32"}]}
	r := rule.deny with input as hcl([db("a", with_networks(ip), {})])
	count(r) == 0
}

test_unknown_passes if {
	ip := {"ipv4_enabled": "<<unknown>>", "authorized_networks": [{"value": "0.0.0.0/0"}]}
	ip2 := {"authorized_networks": [{"value": "<<unknown>>"}]}
	r := rule.deny with input as hcl([db("a", with_networks(ip), {}), db("b", with_networks(ip2), {})])
	count(r) == 0
}
