package gate.rules.terraform.gcp.gke_master_authorized_networks_test

import rego.v1

import data.gate.rules.terraform.gcp.gke_master_authorized_networks as rule

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
	f.attribute == "master_authorized_networks_config"
}

test_plan_empty_block_fails if {
	r := rule.deny with input as plan([cluster("c", {"master_authorized_networks_config": [], "private_cluster_config": []})])
	count(r) == 1
}

test_open_cidr_fails if {
	man := [{"cidr_blocks": [{"cidr_block": "10.0.0.0/8"}, {"cidr_block": "0.0.0.0/0", "display_name": "all"}]}]
	r := rule.deny with input as hcl([cluster("c", {"master_authorized_networks_config": man})])
	count(r) == 1
	some f in r
	f.attribute == "master_authorized_networks_config[0].cidr_blocks[1].cidr_block"
}

test_restricted_passes if {
	man := [{"cidr_blocks": [{"cidr_block": "203.0.113.0/24"}]}]
	r := rule.deny with input as hcl([cluster("a", {"master_authorized_networks_config": man}), cluster("b", {"master_authorized_networks_config": [{}]})])
	count(r) == 0
}

test_private_endpoint_skipped if {
	r := rule.deny with input as hcl([
		cluster("a", {"private_cluster_config": [{"enable_private_nodes": true, "enable_private_endpoint": true}]}),
		cluster("b", {"control_plane_endpoints_config": [{"ip_endpoints_config": [{"enabled": false}]}]}),
	])
	count(r) == 0
}

test_plan_computed_private_endpoint_fails if {
	pcc := [{"enable_private_nodes": true, "enable_private_endpoint": "<<unknown>>", "master_ipv4_cidr_block": "172.16.0.0/28"}]
	r := rule.deny with input as plan([cluster("c", {"private_cluster_config": pcc, "master_authorized_networks_config": []})])
	count(r) == 1
}

test_unknown_passes if {
	r := rule.deny with input as hcl([
		cluster("a", {"master_authorized_networks_config": "<<unknown>>"}),
		cluster("b", {"private_cluster_config": [{"enable_private_endpoint": "<<unknown>>"}]}),
		cluster("d", {"master_authorized_networks_config": [{"cidr_blocks": [{"cidr_block": "<<unknown>>"}]}]}),
	])
	count(r) == 0
}
