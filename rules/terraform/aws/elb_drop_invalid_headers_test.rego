package gate.rules.terraform.aws.elb_drop_invalid_headers_test

import rego.v1

import data.gate.rules.terraform.aws.elb_drop_invalid_headers as rule

lb(t, name, values) := {
	"address": sprintf("%s.%s", [t, name]),
	"config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name,
	"index": null, "provider": "aws", "action": "create", "values": values, "refs": {},
}

doc(rs) := {"kind": "terraform", "resources": rs}

test_absent_fails if {
	r := rule.deny with input as doc([lb("aws_lb", "a", {"name": "web"})])
	count(r) == 1
	some f in r
	f.resource == "aws_lb.a"
	f.attribute == "drop_invalid_header_fields"
}

test_false_fails if {
	r := rule.deny with input as doc([lb("aws_alb", "a", {"load_balancer_type": "application", "drop_invalid_header_fields": false})])
	count(r) == 1
}

test_true_passes if {
	r := rule.deny with input as doc([lb("aws_lb", "a", {"drop_invalid_header_fields": true})])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as doc([lb("aws_lb", "a", {"drop_invalid_header_fields": "<<unknown>>"})])
	count(r) == 0
}

test_network_lb_not_judged if {
	r := rule.deny with input as doc([lb("aws_lb", "a", {"load_balancer_type": "network"})])
	count(r) == 0
}

test_data_source_ignored if {
	d := object.union(lb("aws_lb", "a", {}), {"mode": "data"})
	r := rule.deny with input as doc([d])
	count(r) == 0
}
