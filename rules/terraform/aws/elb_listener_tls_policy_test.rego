package gate.rules.terraform.aws.elb_listener_tls_policy_test

import rego.v1

import data.gate.rules.terraform.aws.elb_listener_tls_policy as rule

listener(t, name, values) := {
	"address": sprintf("%s.%s", [t, name]),
	"config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name,
	"index": null, "provider": "aws", "action": "create", "values": values, "refs": {},
}

doc(rs) := {"kind": "terraform", "resources": rs}

https(policy) := {"port": 443, "protocol": "HTTPS", "ssl_policy": policy}

test_2016_08_fails if {
	r := rule.deny with input as doc([listener("aws_lb_listener", "a", https("ELBSecurityPolicy-2016-08"))])
	count(r) == 1
	some f in r
	f.resource == "aws_lb_listener.a"
	f.attribute == "ssl_policy"
}

test_outdated_policies_fail if {
	every p in [
		"ELBSecurityPolicy-2015-05",
		"ELBSecurityPolicy-TLS-1-0-2015-04",
		"ELBSecurityPolicy-TLS-1-1-2017-01",
		"ELBSecurityPolicy-FS-2018-06",
		"ELBSecurityPolicy-FS-1-1-2019-08",
		"ELBSecurityPolicy-TLS13-1-0-2021-06",
		"ELBSecurityPolicy-TLS13-1-1-2021-06",
		"ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04",
	] {
		r := rule.deny with input as doc([listener("aws_lb_listener", "a", https(p))])
		count(r) == 1
	}
}

test_modern_policies_pass if {
	every p in [
		"ELBSecurityPolicy-TLS13-1-2-2021-06",
		"ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
		"ELBSecurityPolicy-TLS13-1-3-2021-06",
		"ELBSecurityPolicy-TLS-1-2-2017-01",
		"ELBSecurityPolicy-TLS-1-2-Ext-2018-06",
		"ELBSecurityPolicy-FS-1-2-Res-2020-10",
		"ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
	] {
		r := rule.deny with input as doc([listener("aws_lb_listener", "a", https(p))])
		count(r) == 0
	}
}

test_nlb_tls_listener_outdated_fails if {
	r := rule.deny with input as doc([listener("aws_alb_listener", "a", {"protocol": "TLS", "ssl_policy": "ELBSecurityPolicy-2016-08"})])
	count(r) == 1
}

test_absent_policy_fails if {
	r := rule.deny with input as doc([listener("aws_lb_listener", "a", {"port": 443, "protocol": "HTTPS"})])
	count(r) == 1
}

test_unknown_policy_passes if {
	r := rule.deny with input as doc([listener("aws_lb_listener", "a", https("<<unknown>>"))])
	count(r) == 0
}

test_http_listener_not_judged if {
	r := rule.deny with input as doc([listener("aws_lb_listener", "a", {"port": 80, "protocol": "HTTP"})])
	count(r) == 0
}

test_data_source_ignored if {
	d := object.union(listener("aws_lb_listener", "a", https("ELBSecurityPolicy-2016-08")), {"mode": "data"})
	r := rule.deny with input as doc([d])
	count(r) == 0
}
