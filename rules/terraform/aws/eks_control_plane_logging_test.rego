package gate.rules.terraform.aws.eks_control_plane_logging_test

import rego.v1

import data.gate.rules.terraform.aws.eks_control_plane_logging as rule

cluster(name, values) := {
	"address": sprintf("aws_eks_cluster.%s", [name]),
	"config_address": sprintf("aws_eks_cluster.%s", [name]),
	"module": "", "mode": "managed", "type": "aws_eks_cluster", "name": name,
	"index": null, "provider": "aws", "action": "create", "values": values, "refs": {},
}

doc(rs) := {"kind": "terraform", "resources": rs}

test_no_logging_fails if {
	r := rule.deny with input as doc([cluster("a", {"name": "a"})])
	count(r) == 1
	some f in r
	f.resource == "aws_eks_cluster.a"
	f.attribute == "enabled_cluster_log_types"
	contains(f.msg, "api, audit, authenticator")
}

test_plan_null_fails if {
	r := rule.deny with input as doc([cluster("a", {"enabled_cluster_log_types": null})])
	count(r) == 1
}

test_partial_fails if {
	r := rule.deny with input as doc([cluster("a", {"enabled_cluster_log_types": ["api", "audit"]})])
	count(r) == 1
	some f in r
	endswith(f.msg, "authenticator")
}

test_all_required_passes if {
	r := rule.deny with input as doc([cluster("a", {"enabled_cluster_log_types": ["audit", "api", "authenticator", "scheduler"]})])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as doc([cluster("a", {"enabled_cluster_log_types": "<<unknown>>"})])
	count(r) == 0
}

test_unknown_element_passes if {
	r := rule.deny with input as doc([cluster("a", {"enabled_cluster_log_types": ["api", "<<unknown>>"]})])
	count(r) == 0
}

test_param_narrows_requirement if {
	r := rule.deny with input as doc([cluster("a", {"enabled_cluster_log_types": ["audit"]})])
		with data.gate_config.params as {"GATE-AWS-EKS-002": {"required_log_types": ["audit"]}}
	count(r) == 0
}

test_data_source_ignored if {
	d := object.union(cluster("a", {}), {"mode": "data"})
	r := rule.deny with input as doc([d])
	count(r) == 0
}
