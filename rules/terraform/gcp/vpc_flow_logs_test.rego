package gate.rules.terraform.gcp.vpc_flow_logs_test

import rego.v1

import data.gate.rules.terraform.gcp.vpc_flow_logs as rule

subnet(name, values) := {
	"address": sprintf("google_compute_subnetwork.%s", [name]), "config_address": sprintf("google_compute_subnetwork.%s", [name]),
	"module": "", "mode": "managed", "type": "google_compute_subnetwork", "name": name, "index": null,
	"provider": "google", "action": "create", "values": values, "refs": {},
}

hcl(rs) := {"kind": "terraform", "source": "hcl", "resources": rs}

plan(rs) := {"kind": "terraform", "source": "plan", "resources": rs}

test_no_log_config_fails if {
	r := rule.deny with input as hcl([subnet("a", {"ip_cidr_range": "10.0.0.0/24"})])
	count(r) == 1
	some f in r
	f.resource == "google_compute_subnetwork.a"
	f.attribute == "log_config"
}

test_plan_empty_block_and_computed_purpose_fails if {
	r := rule.deny with input as plan([subnet("a", {"purpose": "<<unknown>>", "log_config": []})])
	count(r) == 1
}

test_private_purpose_fails if {
	r := rule.deny with input as hcl([subnet("a", {"purpose": "PRIVATE"})])
	count(r) == 1
}

test_zero_sampling_fails if {
	r := rule.deny with input as hcl([subnet("a", {"log_config": [{"flow_sampling": 0}]})])
	count(r) == 1
	some f in r
	f.attribute == "log_config[0].flow_sampling"
}

test_log_config_passes if {
	r := rule.deny with input as hcl([subnet("a", {"log_config": [{"aggregation_interval": "INTERVAL_5_SEC", "flow_sampling": 0.5}]})])
	count(r) == 0
}

test_special_purpose_skipped if {
	r := rule.deny with input as hcl([
		subnet("proxy", {"purpose": "REGIONAL_MANAGED_PROXY", "role": "ACTIVE"}),
		subnet("psc", {"purpose": "PRIVATE_SERVICE_CONNECT"}),
		subnet("ilb", {"purpose": "INTERNAL_HTTPS_LOAD_BALANCER"}),
	])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as hcl([subnet("a", {"log_config": "<<unknown>>"}), subnet("b", {"purpose": "<<unknown>>"})])
	count(r) == 0
}

test_legacy_enable_flow_logs_passes if {
	r := rule.deny with input as plan([subnet("a", {"enable_flow_logs": true, "log_config": []})])
	count(r) == 0
}
