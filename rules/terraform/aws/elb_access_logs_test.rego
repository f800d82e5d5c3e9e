package gate.rules.terraform.aws.elb_access_logs_test

import rego.v1

import data.gate.rules.terraform.aws.elb_access_logs as rule

lb(t, name, values) := {
	"address": sprintf("%s.%s", [t, name]),
	"config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name,
	"index": null, "provider": "aws", "action": "create", "values": values, "refs": {},
}

doc(rs) := {"kind": "terraform", "resources": rs}

test_alb_without_logs_fails if {
	r := rule.deny with input as doc([lb("aws_lb", "a", {"name": "web"})])
	count(r) == 1
	some f in r
	f.resource == "aws_lb.a"
	f.attribute == "access_logs"
}

test_alb_plan_empty_block_fails if {
	r := rule.deny with input as doc([lb("aws_alb", "a", {"load_balancer_type": "application", "access_logs": []})])
	count(r) == 1
}

test_alb_bucket_without_enabled_fails if {
	r := rule.deny with input as doc([lb("aws_lb", "a", {"access_logs": [{"bucket": "logs"}]})])
	count(r) == 1
}

test_alb_disabled_fails if {
	r := rule.deny with input as doc([lb("aws_lb", "a", {"access_logs": [{"bucket": "logs", "enabled": false}]})])
	count(r) == 1
}

test_alb_enabled_passes if {
	r := rule.deny with input as doc([lb("aws_lb", "a", {"access_logs": [{"bucket": "logs", "enabled": true}]})])
	count(r) == 0
}

test_alb_unknown_passes if {
	r := rule.deny with input as doc([lb("aws_lb", "a", {"access_logs": [{"bucket": "<<unknown>>", "enabled": "<<unknown>>"}]})])
	count(r) == 0
}

test_nlb_not_judged if {
	r := rule.deny with input as doc([lb("aws_lb", "a", {"load_balancer_type": "network"})])
	count(r) == 0
}

test_unknown_type_not_judged if {
	r := rule.deny with input as doc([lb("aws_lb", "a", {"load_balancer_type": "<<unknown>>"})])
	count(r) == 0
}

test_classic_without_logs_fails if {
	r := rule.deny with input as doc([lb("aws_elb", "a", {"name": "legacy"})])
	count(r) == 1
	some f in r
	f.resource == "aws_elb.a"
}

test_classic_default_enabled_passes if {
	r := rule.deny with input as doc([lb("aws_elb", "a", {"access_logs": [{"bucket": "logs"}]})])
	count(r) == 0
}

test_classic_disabled_fails if {
	r := rule.deny with input as doc([lb("aws_elb", "a", {"access_logs": [{"bucket": "logs", "enabled": false}]})])
	count(r) == 1
	some f in r
	f.attribute == "access_logs[0].enabled"
}

test_classic_unknown_passes if {
	r := rule.deny with input as doc([lb("aws_elb", "a", {"access_logs": "<<unknown>>"})])
	count(r) == 0
}

test_data_source_ignored if {
	d := object.union(lb("aws_lb", "a", {}), {"mode": "data"})
	r := rule.deny with input as doc([d])
	count(r) == 0
}
