package gate.rules.terraform.gcp.gke_legacy_abac_test

import rego.v1

import data.gate.rules.terraform.gcp.gke_legacy_abac as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "google", "action": "create", "values": values, "refs": refs,
}

cluster(name, values) := res("google_container_cluster", name, values, {})

pool(name, values) := res("google_container_node_pool", name, values, {"cluster": ["google_container_cluster.c"]})

hcl(rs) := {"kind": "terraform", "source": "hcl", "resources": rs}

plan(rs) := {"kind": "terraform", "source": "plan", "resources": rs}

test_enabled_fails if {
	r := rule.deny with input as hcl([cluster("c", {"enable_legacy_abac": true})])
	count(r) == 1
	some f in r
	f.resource == "google_container_cluster.c"
	f.attribute == "enable_legacy_abac"
}

test_default_and_false_pass if {
	r := rule.deny with input as plan([cluster("a", {"enable_legacy_abac": false}), cluster("b", {})])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as hcl([cluster("c", {"enable_legacy_abac": "<<unknown>>"})])
	count(r) == 0
}
