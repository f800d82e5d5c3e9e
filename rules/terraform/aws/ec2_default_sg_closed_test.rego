package gate.rules.terraform.aws.ec2_default_sg_closed_test

import rego.v1

import data.gate.rules.terraform.aws.ec2_default_sg_closed as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "aws", "action": "create", "values": values, "refs": refs,
}

u := "<<unknown>>"

deny(resources) := r if {
	r := rule.deny with input as {"kind": "terraform", "resources": resources}
}

test_default_sg_with_rules_fails if {
	g := res("aws_default_security_group", "d", {"vpc_id": u, "ingress": [{"protocol": "-1", "self": true, "from_port": 0, "to_port": 0}], "egress": []}, {})
	r := deny([g])
	count(r) == 1
	some f in r
	f.resource == "aws_default_security_group.d"
	f.attribute == "ingress"
}

test_empty_default_sg_passes if {
	count(deny([res("aws_default_security_group", "d", {"vpc_id": u}, {})])) == 0
	count(deny([res("aws_default_security_group", "d", {"ingress": [], "egress": []}, {})])) == 0
}

test_unknown_does_not_fire if {
	count(deny([res("aws_default_security_group", "d", {"ingress": u, "egress": u}, {})])) == 0

	# a dynamic block whose for_each is unknown may expand to nothing
	count(deny([res("aws_default_security_group", "d", {"ingress": [u]}, {})])) == 0
}

test_separate_rule_on_default_sg_fails if {
	g := res("aws_default_security_group", "d", {}, {})
	r1 := res("aws_vpc_security_group_egress_rule", "e", {"security_group_id": u, "cidr_ipv4": "0.0.0.0/0", "ip_protocol": "-1"}, {"security_group_id": ["aws_default_security_group.d"]})
	r2 := res("aws_security_group_rule", "o", {"type": "ingress", "security_group_id": u}, {"security_group_id": ["aws_security_group.other"]})
	r := deny([g, r1, r2])
	count(r) == 1
	some f in r
	f.resource == "aws_vpc_security_group_egress_rule.e"
}

test_ordinary_sg_not_judged if {
	count(deny([res("aws_security_group", "s", {"ingress": [{"protocol": "-1", "cidr_blocks": ["10.0.0.0/8"]}]}, {})])) == 0
}
