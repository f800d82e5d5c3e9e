package gate.rules.terraform.aws.cloudtrail_multi_region_test

import rego.v1

import data.gate.rules.terraform.aws.cloudtrail_multi_region as rule

trail(name, values) := {
	"address": sprintf("aws_cloudtrail.%s", [name]),
	"config_address": sprintf("aws_cloudtrail.%s", [name]),
	"module": "", "mode": "managed", "type": "aws_cloudtrail", "name": name,
	"index": null, "provider": "aws", "action": "create", "values": values, "refs": {},
}

doc(rs) := {"kind": "terraform", "resources": rs}

test_single_region_default_fails if {
	r := rule.deny with input as doc([trail("a", {"name": "a", "s3_bucket_name": "logs"})])
	count(r) == 1
	some f in r
	f.resource == "aws_cloudtrail.a"
	f.attribute == "is_multi_region_trail"
}

test_single_region_explicit_false_fails if {
	r := rule.deny with input as doc([trail("a", {"name": "a", "is_multi_region_trail": false})])
	count(r) == 1
}

test_global_events_excluded_fails if {
	r := rule.deny with input as doc([trail("a", {"is_multi_region_trail": true, "include_global_service_events": false})])
	count(r) == 1
	some f in r
	f.attribute == "include_global_service_events"
}

test_multi_region_passes if {
	r := rule.deny with input as doc([trail("a", {"is_multi_region_trail": true, "include_global_service_events": true})])
	count(r) == 0
}

test_multi_region_global_default_passes if {
	r := rule.deny with input as doc([trail("a", {"is_multi_region_trail": true})])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as doc([trail("a", {"is_multi_region_trail": "<<unknown>>"})])
	count(r) == 0
}

test_data_events_only_trail_ignored if {
	sel := [{"include_management_events": false, "read_write_type": "All", "data_resource": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3"]}]}]
	r := rule.deny with input as doc([trail("a", {"event_selector": sel})])
	count(r) == 0
}

test_advanced_data_events_only_trail_ignored if {
	sel := [{"name": "s3", "field_selector": [{"field": "eventCategory", "equals": ["Data"]}]}]
	r := rule.deny with input as doc([trail("a", {"advanced_event_selector": sel})])
	count(r) == 0
}

test_advanced_management_selector_judged if {
	sel := [{"name": "mgmt", "field_selector": [{"field": "eventCategory", "equals": ["Management"]}]}]
	r := rule.deny with input as doc([trail("a", {"advanced_event_selector": sel})])
	count(r) == 1
}

test_selector_with_management_events_judged if {
	sel := [{"read_write_type": "All", "data_resource": []}]
	r := rule.deny with input as doc([trail("a", {"event_selector": sel, "is_multi_region_trail": false})])
	count(r) == 1
}

test_dynamic_selector_ignored if {
	r := rule.deny with input as doc([trail("a", {"event_selector": ["<<unknown>>"]})])
	count(r) == 0
}

test_data_source_ignored if {
	d := object.union(trail("a", {"is_multi_region_trail": false}), {"mode": "data"})
	r := rule.deny with input as doc([d])
	count(r) == 0
}
