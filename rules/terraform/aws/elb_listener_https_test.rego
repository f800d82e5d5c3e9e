package gate.rules.terraform.aws.elb_listener_https_test

import rego.v1

import data.gate.rules.terraform.aws.elb_listener_https as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]),
	"config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name,
	"index": null, "provider": "aws", "action": "create", "values": values, "refs": refs,
}

listener(name, values) := res("aws_lb_listener", name, values, {})

doc(rs) := {"kind": "terraform", "resources": rs}

forward := [{"type": "forward", "target_group_arn": "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/app/1"}]

test_http_forward_fails if {
	r := rule.deny with input as doc([listener("a", {"port": 80, "protocol": "HTTP", "default_action": forward})])
	count(r) == 1
	some f in r
	f.resource == "aws_lb_listener.a"
	f.attribute == "protocol"
}

test_http_forward_unknown_target_group_fails if {
	act := [{"type": "forward", "target_group_arn": "<<unknown>>"}]
	r := rule.deny with input as doc([listener("a", {"port": 80, "protocol": "HTTP", "default_action": act})])
	count(r) == 1
}

test_unknown_action_type_passes if {
	act := [{"type": "<<unknown>>"}]
	r := rule.deny with input as doc([listener("a", {"port": 80, "protocol": "HTTP", "default_action": act})])
	count(r) == 0
}

test_unknown_default_action_passes if {
	r := rule.deny with input as doc([listener("a", {"port": 80, "protocol": "HTTP", "default_action": "<<unknown>>"})])
	count(r) == 0
}

test_dynamic_default_action_passes if {
	r := rule.deny with input as doc([listener("a", {"port": 80, "protocol": "HTTP", "default_action": ["<<unknown>>"]})])
	count(r) == 0
}

test_dynamic_redirect_block_passes if {
	act := [{"type": "redirect", "redirect": ["<<unknown>>"]}]
	r := rule.deny with input as doc([listener("a", {"port": 80, "protocol": "HTTP", "default_action": act})])
	count(r) == 0
}

test_unknown_redirect_block_passes if {
	act := [{"type": "redirect", "redirect": "<<unknown>>"}]
	r := rule.deny with input as doc([listener("a", {"port": 80, "protocol": "HTTP", "default_action": act})])
	count(r) == 0
}

test_http_alb_listener_alias_fails if {
	l := res("aws_alb_listener", "a", {"port": 80, "protocol": "http", "default_action": forward}, {})
	r := rule.deny with input as doc([l])
	count(r) == 1
}

test_http_redirect_to_https_passes if {
	act := [{"type": "redirect", "redirect": [{"port": "443", "protocol": "HTTPS", "status_code": "HTTP_301"}]}]
	r := rule.deny with input as doc([listener("a", {"port": 80, "protocol": "HTTP", "default_action": act})])
	count(r) == 0
}

test_http_redirect_keeping_protocol_fails if {
	act := [{"type": "redirect", "redirect": [{"host": "www.example.com", "protocol": "#{protocol}", "status_code": "HTTP_301"}]}]
	r := rule.deny with input as doc([listener("a", {"port": 80, "protocol": "HTTP", "default_action": act})])
	count(r) == 1
}

test_http_redirect_default_protocol_fails if {
	act := [{"type": "redirect", "redirect": [{"host": "www.example.com", "status_code": "HTTP_302"}]}]
	r := rule.deny with input as doc([listener("a", {"port": 80, "protocol": "HTTP", "default_action": act})])
	count(r) == 1
}

test_https_passes if {
	r := rule.deny with input as doc([listener("a", {"port": 443, "protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-TLS13-1-2-2021-06", "default_action": forward})])
	count(r) == 0
}

test_nlb_tcp_passes if {
	r := rule.deny with input as doc([listener("a", {"port": 5432, "protocol": "TCP", "default_action": forward})])
	count(r) == 0
}

test_unknown_protocol_passes if {
	r := rule.deny with input as doc([listener("a", {"port": 80, "protocol": "<<unknown>>", "default_action": forward})])
	count(r) == 0
}

test_unknown_redirect_passes if {
	act := [{"type": "redirect", "redirect": [{"protocol": "<<unknown>>", "status_code": "HTTP_301"}]}]
	r := rule.deny with input as doc([listener("a", {"port": 80, "protocol": "HTTP", "default_action": act})])
	count(r) == 0
}

test_absent_protocol_on_alb_fails if {
	lb := res("aws_lb", "web", {"name": "web", "internal": false}, {})
	l := res("aws_lb_listener", "a", {"port": 80, "load_balancer_arn": "<<unknown>>", "default_action": forward}, {"load_balancer_arn": ["aws_lb.web"]})
	r := rule.deny with input as doc([lb, l])
	count(r) == 1
}

test_absent_protocol_on_gateway_lb_passes if {
	lb := res("aws_lb", "gw", {"name": "gw", "load_balancer_type": "gateway"}, {})
	l := res("aws_lb_listener", "a", {"load_balancer_arn": "<<unknown>>", "default_action": forward}, {"load_balancer_arn": ["aws_lb.gw"]})
	r := rule.deny with input as doc([lb, l])
	count(r) == 0
}

test_absent_protocol_unknown_lb_passes if {
	l := res("aws_lb_listener", "a", {"load_balancer_arn": "<<unknown>>", "default_action": forward}, {})
	r := rule.deny with input as doc([l])
	count(r) == 0
}

test_data_source_ignored if {
	d := object.union(listener("a", {"protocol": "HTTP", "default_action": forward}), {"mode": "data"})
	r := rule.deny with input as doc([d])
	count(r) == 0
}
