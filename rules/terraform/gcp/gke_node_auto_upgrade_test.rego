package gate.rules.terraform.gcp.gke_node_auto_upgrade_test

import rego.v1

import data.gate.rules.terraform.gcp.gke_node_auto_upgrade as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "google", "action": "create", "values": values, "refs": refs,
}

cluster(name, values) := res("google_container_cluster", name, values, {})

pool(name, values) := res("google_container_node_pool", name, values, {"cluster": ["google_container_cluster.c"]})

hcl(rs) := {"kind": "terraform", "source": "hcl", "resources": rs}

plan(rs) := {"kind": "terraform", "source": "plan", "resources": rs}

test_node_pool_off_fails if {
	r := rule.deny with input as hcl([pool("p", {"management": [{"auto_repair": true, "auto_upgrade": false}]})])
	count(r) == 1
	some f in r
	f.resource == "google_container_node_pool.p"
	f.attribute == "management[0].auto_upgrade"
}

test_inline_pool_off_fails if {
	c := cluster("c", {"node_pool": [{"name": "default", "management": [{"auto_upgrade": false}]}]})
	r := rule.deny with input as plan([c])
	count(r) == 1
	some f in r
	f.attribute == "node_pool[0].management[0].auto_upgrade"
}

test_default_and_on_pass if {
	r := rule.deny with input as hcl([pool("a", {}), pool("b", {"management": [{"auto_repair": true}]}), pool("d", {"management": [{"auto_upgrade": true}]})])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as hcl([pool("a", {"management": [{"auto_upgrade": "<<unknown>>"}]}), pool("b", {"management": "<<unknown>>"})])
	count(r) == 0
}
