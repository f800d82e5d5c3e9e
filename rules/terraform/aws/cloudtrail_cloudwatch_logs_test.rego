package gate.rules.terraform.aws.cloudtrail_cloudwatch_logs_test

import rego.v1

import data.gate.rules.terraform.aws.cloudtrail_cloudwatch_logs as rule

trail(name, values) := {
	"address": sprintf("aws_cloudtrail.%s", [name]),
	"config_address": sprintf("aws_cloudtrail.%s", [name]),
	"module": "", "mode": "managed", "type": "aws_cloudtrail", "name": name,
	"index": null, "provider": "aws", "action": "create", "values": values, "refs": {},
}

doc(rs) := {"kind": "terraform", "resources": rs}

test_absent_fails if {
	r := rule.deny with input as doc([trail("a", {"name": "a"})])
	count(r) == 1
	some f in r
	f.resource == "aws_cloudtrail.a"
	f.attribute == "cloud_watch_logs_group_arn"
}

test_null_fails if {
	r := rule.deny with input as doc([trail("a", {"cloud_watch_logs_group_arn": null})])
	count(r) == 1
}

test_log_group_passes if {
	r := rule.deny with input as doc([trail("a", {"cloud_watch_logs_group_arn": "arn:aws:logs:us-east-1:111122223333:log-group:trail:*"})])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as doc([trail("a", {"cloud_watch_logs_group_arn": "<<unknown>>"})])
	count(r) == 0
}

test_data_events_only_trail_ignored if {
	sel := [{"include_management_events": false, "data_resource": [{"type": "AWS::Lambda::Function", "values": ["arn:aws:lambda"]}]}]
	r := rule.deny with input as doc([trail("a", {"event_selector": sel})])
	count(r) == 0
}

test_unknown_selector_ignored if {
	r := rule.deny with input as doc([trail("a", {"event_selector": "<<unknown>>"})])
	count(r) == 0
}

test_data_source_ignored if {
	d := object.union(trail("a", {}), {"mode": "data"})
	r := rule.deny with input as doc([d])
	count(r) == 0
}
