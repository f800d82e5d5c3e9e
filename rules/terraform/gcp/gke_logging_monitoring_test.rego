package gate.rules.terraform.gcp.gke_logging_monitoring_test

import rego.v1

import data.gate.rules.terraform.gcp.gke_logging_monitoring as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "google", "action": "create", "values": values, "refs": refs,
}

cluster(name, values) := res("google_container_cluster", name, values, {})

pool(name, values) := res("google_container_node_pool", name, values, {"cluster": ["google_container_cluster.c"]})

hcl(rs) := {"kind": "terraform", "source": "hcl", "resources": rs}

plan(rs) := {"kind": "terraform", "source": "plan", "resources": rs}

test_logging_none_fails if {
	r := rule.deny with input as hcl([cluster("c", {"logging_service": "none"})])
	count(r) == 1
	some f in r
	f.resource == "google_container_cluster.c"
	f.attribute == "logging_service"
}

test_both_none_fail if {
	r := rule.deny with input as plan([cluster("c", {"logging_service": "none", "monitoring_service": "none"})])
	count(r) == 2
}

test_defaults_pass if {
	r := rule.deny with input as hcl([cluster("a", {}), cluster("b", {"logging_service": "logging.googleapis.com/kubernetes"})])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as plan([cluster("c", {"logging_service": "<<unknown>>", "monitoring_service": "<<unknown>>"})])
	count(r) == 0
}
