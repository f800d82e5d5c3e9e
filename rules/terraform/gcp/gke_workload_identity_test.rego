package gate.rules.terraform.gcp.gke_workload_identity_test

import rego.v1

import data.gate.rules.terraform.gcp.gke_workload_identity as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "google", "action": "create", "values": values, "refs": refs,
}

cluster(name, values) := res("google_container_cluster", name, values, {})

pool(name, values) := res("google_container_node_pool", name, values, {"cluster": ["google_container_cluster.c"]})

hcl(rs) := {"kind": "terraform", "source": "hcl", "resources": rs}

plan(rs) := {"kind": "terraform", "source": "plan", "resources": rs}

test_absent_fails if {
	r := rule.deny with input as hcl([cluster("c", {"name": "c"})])
	count(r) == 1
	some f in r
	f.resource == "google_container_cluster.c"
	f.attribute == "workload_identity_config"
}

test_plan_computed_fails if {
	r := rule.deny with input as plan([cluster("c", {"workload_identity_config": "<<unknown>>", "enable_autopilot": false})])
	count(r) == 1
}

test_pool_set_passes if {
	r := rule.deny with input as hcl([cluster("c", {"workload_identity_config": [{"workload_pool": "proj.svc.id.goog"}]})])
	count(r) == 0
}

test_autopilot_skipped if {
	r := rule.deny with input as hcl([cluster("c", {"enable_autopilot": true})])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as hcl([
		cluster("a", {"workload_identity_config": [{"workload_pool": "<<unknown>>"}]}),
		cluster("b", {"enable_autopilot": "<<unknown>>"}),
	])
	count(r) == 0
}
