package gate.rules.terraform.aws.redshift_audit_logging_test

import rego.v1

import data.gate.rules.terraform.aws.redshift_audit_logging as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]),
	"config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name,
	"index": null, "provider": "aws", "action": "create", "values": values, "refs": refs,
}

cluster(name, values) := res("aws_redshift_cluster", name, values, {})

logging(name, cid, refs) := res("aws_redshift_logging", name, {"cluster_identifier": cid, "log_destination_type": "cloudwatch"}, refs)

doc(rs) := {"kind": "terraform", "resources": rs}

test_no_logging_fails if {
	r := rule.deny with input as doc([cluster("a", {"cluster_identifier": "analytics"})])
	count(r) == 1
	some f in r
	f.resource == "aws_redshift_cluster.a"
	f.attribute == "logging"
}

test_plan_empty_block_fails if {
	r := rule.deny with input as doc([cluster("a", {"cluster_identifier": "analytics", "logging": []})])
	count(r) == 1
}

test_inline_disabled_fails if {
	r := rule.deny with input as doc([cluster("a", {"logging": [{"enable": false}]})])
	count(r) == 1
}

test_inline_enabled_passes if {
	r := rule.deny with input as doc([cluster("a", {"logging": [{"enable": true, "bucket_name": "logs"}]})])
	count(r) == 0
}

test_logging_resource_by_reference_passes if {
	r := rule.deny with input as doc([
		cluster("a", {"cluster_identifier": "analytics"}),
		logging("a", "<<unknown>>", {"cluster_identifier": ["aws_redshift_cluster.a"]}),
	])
	count(r) == 0
}

test_logging_resource_by_identifier_passes if {
	r := rule.deny with input as doc([
		cluster("a", {"cluster_identifier": "analytics"}),
		logging("a", "analytics", {}),
	])
	count(r) == 0
}

test_logging_resource_for_other_cluster_fails if {
	r := rule.deny with input as doc([
		cluster("a", {"cluster_identifier": "analytics"}),
		logging("a", "reporting", {}),
	])
	count(r) == 1
}

test_unresolved_logging_resource_passes if {
	r := rule.deny with input as doc([
		cluster("a", {"cluster_identifier": "analytics"}),
		logging("a", "<<unknown>>", {}),
	])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as doc([cluster("a", {"logging": [{"enable": "<<unknown>>"}]})])
	count(r) == 0
}

test_data_source_ignored if {
	d := object.union(cluster("a", {}), {"mode": "data"})
	r := rule.deny with input as doc([d])
	count(r) == 0
}
