package gate.rules.terraform.gcp.gke_node_metadata_test

import rego.v1

import data.gate.rules.terraform.gcp.gke_node_metadata as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "google", "action": "create", "values": values, "refs": refs,
}

cluster(name, values) := res("google_container_cluster", name, values, {})

pool(name, values) := res("google_container_node_pool", name, values, {"cluster": ["google_container_cluster.c"]})

hcl(rs) := {"kind": "terraform", "source": "hcl", "resources": rs}

plan(rs) := {"kind": "terraform", "source": "plan", "resources": rs}

test_node_pool_gce_metadata_fails if {
	p := pool("p", {"node_config": [{"workload_metadata_config": [{"mode": "GCE_METADATA"}]}]})
	r := rule.deny with input as hcl([p])
	count(r) == 1
	some f in r
	f.resource == "google_container_node_pool.p"
	f.attribute == "node_config[0].workload_metadata_config[0].mode"
}

test_inline_pool_expose_fails if {
	c := cluster("c", {"node_pool": [{"name": "a"}, {"name": "b", "node_config": [{"workload_metadata_config": [{"node_metadata": "EXPOSE"}]}]}]})
	r := rule.deny with input as plan([c])
	count(r) == 1
	some f in r
	f.attribute == "node_pool[1].node_config[0].workload_metadata_config[0].node_metadata"
}

test_legacy_endpoints_fails if {
	c := cluster("c", {"node_config": [{"metadata": {"disable-legacy-endpoints": "false"}}]})
	r := rule.deny with input as hcl([c])
	count(r) == 1
	some f in r
	f.attribute == "node_config[0].metadata"
}

test_secure_settings_pass if {
	p := pool("p", {"node_config": [{"metadata": {"disable-legacy-endpoints": "true"}, "workload_metadata_config": [{"mode": "GKE_METADATA"}]}]})
	q := pool("q", {"node_config": [{"workload_metadata_config": []}]})
	r := rule.deny with input as plan([p, q, cluster("c", {})])
	count(r) == 0
}

test_unknown_passes if {
	p := pool("p", {"node_config": [{"workload_metadata_config": [{"mode": "<<unknown>>"}], "metadata": "<<unknown>>"}]})
	r := rule.deny with input as hcl([p, pool("q", {"node_config": "<<unknown>>"})])
	count(r) == 0
}
