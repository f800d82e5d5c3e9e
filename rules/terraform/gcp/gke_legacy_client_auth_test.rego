package gate.rules.terraform.gcp.gke_legacy_client_auth_test

import rego.v1

import data.gate.rules.terraform.gcp.gke_legacy_client_auth as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "google", "action": "create", "values": values, "refs": refs,
}

cluster(name, values) := res("google_container_cluster", name, values, {})

pool(name, values) := res("google_container_node_pool", name, values, {"cluster": ["google_container_cluster.c"]})

hcl(rs) := {"kind": "terraform", "source": "hcl", "resources": rs}

plan(rs) := {"kind": "terraform", "source": "plan", "resources": rs}

test_client_certificate_fails if {
	v := {"master_auth": [{"client_certificate_config": [{"issue_client_certificate": true}]}]}
	r := rule.deny with input as hcl([cluster("c", v)])
	count(r) == 1
	some f in r
	f.resource == "google_container_cluster.c"
	f.attribute == "master_auth[0].client_certificate_config[0].issue_client_certificate"
}

test_basic_auth_fails if {
	v := {"master_auth": [{"username": "admin", "password": "<<sensitive>>", "client_certificate_config": []}]}
	r := rule.deny with input as plan([cluster("c", v)])
	count(r) == 1
	some f in r
	f.attribute == "master_auth[0].username"
}

test_defaults_pass if {
	# The conftest gke-show plan shape: empty client_certificate_config, null username.
	v := {"master_auth": [{"client_certificate_config": [], "password": null, "username": null}]}
	v2 := {"master_auth": [{"username": "", "client_certificate_config": [{"issue_client_certificate": false}]}]}
	r := rule.deny with input as plan([cluster("a", v), cluster("b", v2), cluster("d", {})])
	count(r) == 0
}

test_unknown_passes if {
	v := {"master_auth": [{"username": "<<unknown>>", "client_certificate_config": [{"issue_client_certificate": "<<unknown>>"}]}]}
	r := rule.deny with input as hcl([cluster("c", v)])
	count(r) == 0
}
