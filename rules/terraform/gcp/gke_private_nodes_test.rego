package gate.rules.terraform.gcp.gke_private_nodes_test

import rego.v1

import data.gate.rules.terraform.gcp.gke_private_nodes as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "google", "action": "create", "values": values, "refs": refs,
}

cluster(name, values) := res("google_container_cluster", name, values, {})

pool(name, values) := res("google_container_node_pool", name, values, {"cluster": ["google_container_cluster.c"]})

hcl(rs) := {"kind": "terraform", "source": "hcl", "resources": rs}

plan(rs) := {"kind": "terraform", "source": "plan", "resources": rs}

test_no_private_config_fails if {
	r := rule.deny with input as hcl([cluster("c", {"name": "c"})])
	count(r) == 1
	some f in r
	f.resource == "google_container_cluster.c"
	f.attribute == "private_cluster_config"
}

test_plan_empty_block_fails if {
	r := rule.deny with input as plan([cluster("c", {"private_cluster_config": [], "remove_default_node_pool": true})])
	count(r) == 1
}

test_private_nodes_false_fails if {
	r := rule.deny with input as hcl([cluster("c", {"private_cluster_config": [{"enable_private_nodes": false}]})])
	count(r) == 1
	some f in r
	f.attribute == "private_cluster_config[0].enable_private_nodes"
}

test_private_nodes_pass if {
	r := rule.deny with input as hcl([cluster("c", {"private_cluster_config": [{"enable_private_nodes": true, "master_ipv4_cidr_block": "172.16.0.0/28"}]})])
	count(r) == 0
}

test_private_node_pools_pass if {
	c := cluster("c", {"remove_default_node_pool": true})
	p := pool("p", {"cluster": "<<unknown>>", "network_config": [{"enable_private_nodes": true}]})
	r := rule.deny with input as hcl([c, p])
	count(r) == 0
}

test_public_node_pool_fails if {
	c := cluster("c", {"remove_default_node_pool": true})
	p := pool("p", {"cluster": "<<unknown>>", "network_config": [{"enable_private_nodes": true}]})
	q := pool("q", {"cluster": "<<unknown>>"})
	r := rule.deny with input as hcl([c, p, q])
	count(r) == 1
}

test_unknown_passes if {
	r := rule.deny with input as hcl([
		cluster("a", {"private_cluster_config": "<<unknown>>"}),
		cluster("b", {"private_cluster_config": [{"enable_private_nodes": "<<unknown>>"}]}),
	])
	count(r) == 0
}
