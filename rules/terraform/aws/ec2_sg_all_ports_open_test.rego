package gate.rules.terraform.aws.ec2_sg_all_ports_open_test

import rego.v1

import data.gate.rules.terraform.aws.ec2_sg_all_ports_open as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "aws", "action": "create", "values": values, "refs": refs,
}

u := "<<unknown>>"

deny(resources) := r if {
	r := rule.deny with input as {"kind": "terraform", "resources": resources}
}

sg(name, ingress) := res("aws_security_group", name, {"name": name, "ingress": ingress}, {})

ing(from, to, protocol, cidrs) := {"from_port": from, "to_port": to, "protocol": protocol, "cidr_blocks": cidrs}

test_all_protocols_fails if {
	r := deny([sg("a", [ing(0, 0, "-1", ["0.0.0.0/0"])])])
	count(r) == 1
	some f in r
	f.resource == "aws_security_group.a"
	f.attribute == "ingress[0].cidr_blocks"
	contains(f.msg, "all protocols and ports")
}

test_all_tcp_ports_fails if {
	r := deny([sg("a", [ing(0, 65535, "tcp", ["0.0.0.0/0"])])])
	count(r) == 1
	some f in r
	contains(f.msg, "all TCP ports")
}

test_partial_range_passes if {
	count(deny([sg("a", [ing(1024, 65535, "tcp", ["0.0.0.0/0"])])])) == 0
	count(deny([sg("a", [ing(443, 443, "tcp", ["0.0.0.0/0"])])])) == 0
}

test_private_source_passes if {
	count(deny([sg("a", [ing(0, 0, "-1", ["10.0.0.0/8"])])])) == 0
}

test_self_only_passes if {
	count(deny([sg("a", [{"from_port": 0, "to_port": 0, "protocol": "-1", "self": true}])])) == 0
}

test_unknown_does_not_fire if {
	count(deny([sg("a", [ing(0, 0, u, ["0.0.0.0/0"])])])) == 0
	count(deny([sg("a", [ing(0, 0, "-1", u)])])) == 0
}

test_rule_resources if {
	a := res("aws_security_group_rule", "a", {"type": "ingress", "protocol": "all", "from_port": 0, "to_port": 65535, "ipv6_cidr_blocks": ["::/0"]}, {})
	b := res("aws_vpc_security_group_ingress_rule", "b", {"ip_protocol": "-1", "cidr_ipv4": "0.0.0.0/0"}, {})
	r := deny([a, b])
	{f.resource | some f in r} == {"aws_security_group_rule.a", "aws_vpc_security_group_ingress_rule.b"}
}
