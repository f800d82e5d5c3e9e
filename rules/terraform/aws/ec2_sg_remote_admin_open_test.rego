package gate.rules.terraform.aws.ec2_sg_remote_admin_open_test

import rego.v1

import data.gate.rules.terraform.aws.ec2_sg_remote_admin_open as rule

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

test_ssh_from_world_fails if {
	r := deny([sg("a", [ing(443, 443, "tcp", ["0.0.0.0/0"]), ing(22, 22, "tcp", ["10.0.0.0/8", "0.0.0.0/0"])])])
	count(r) == 1
	some f in r
	f.resource == "aws_security_group.a"
	f.attribute == "ingress[1].cidr_blocks"
	contains(f.msg, "22 (SSH)")
}

test_range_covering_ssh_fails if {
	count(deny([sg("a", [ing(20, 25, "tcp", ["0.0.0.0/0"])])])) == 1
}

test_all_protocols_fails_for_both_ports if {
	r := deny([sg("a", [ing(0, 0, "-1", ["0.0.0.0/0"])])])
	count(r) == 1
	some f in r
	contains(f.msg, "22 (SSH) and 3389 (RDP)")
}

test_ipv6_fails if {
	r := deny([sg("a", [{"from_port": 3389, "to_port": 3389, "protocol": "tcp", "ipv6_cidr_blocks": ["::/0"]}])])
	count(r) == 1
	some f in r
	f.attribute == "ingress[0].ipv6_cidr_blocks"
}

test_private_source_passes if {
	count(deny([sg("a", [ing(22, 22, "tcp", ["10.10.0.0/16"])])])) == 0
}

test_other_port_passes if {
	count(deny([sg("a", [ing(443, 443, "tcp", ["0.0.0.0/0"]), ing(222, 222, "tcp", ["0.0.0.0/0"])])])) == 0
}

test_tcp_port_zero_is_not_all_ports if {
	count(deny([sg("a", [ing(0, 0, "tcp", ["0.0.0.0/0"])])])) == 0
}

test_udp_ssh_passes if {
	count(deny([sg("a", [ing(22, 22, "udp", ["0.0.0.0/0"])])])) == 0
}

test_unknown_values_do_not_fire if {
	count(deny([sg("a", [ing(22, 22, "tcp", u)])])) == 0
	count(deny([sg("a", [ing(22, 22, "tcp", [u])])])) == 0
	count(deny([sg("a", [ing(u, u, "tcp", ["0.0.0.0/0"])])])) == 0
	count(deny([sg("a", [ing(22, 22, u, ["0.0.0.0/0"])])])) == 0
	count(deny([res("aws_security_group", "a", {"ingress": u}, {})])) == 0
}

test_security_group_rule if {
	rule_in := res("aws_security_group_rule", "in", {"type": "ingress", "from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}, {})
	rule_out := res("aws_security_group_rule", "out", {"type": "egress", "from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}, {})
	r := deny([rule_in, rule_out])
	count(r) == 1
	some f in r
	f.resource == "aws_security_group_rule.in"
	f.attribute == "cidr_blocks"
}

test_vpc_ingress_rule if {
	a := res("aws_vpc_security_group_ingress_rule", "a", {"cidr_ipv4": "0.0.0.0/0", "ip_protocol": "tcp", "from_port": 3389, "to_port": 3389}, {})
	b := res("aws_vpc_security_group_ingress_rule", "b", {"cidr_ipv6": "::/0", "ip_protocol": "-1"}, {})
	c := res("aws_vpc_security_group_ingress_rule", "c", {"referenced_security_group_id": u, "ip_protocol": "tcp", "from_port": 22, "to_port": 22}, {})
	r := deny([a, b, c])
	{f.resource | some f in r} == {"aws_vpc_security_group_ingress_rule.a", "aws_vpc_security_group_ingress_rule.b"}
}

test_default_security_group if {
	d := res("aws_default_security_group", "d", {"ingress": [ing(22, 22, "tcp", ["0.0.0.0/0"])]}, {})
	count(deny([d])) == 1
}

test_data_source_ignored if {
	d := object.union(sg("a", [ing(22, 22, "tcp", ["0.0.0.0/0"])]), {"mode": "data"})
	count(deny([d])) == 0
}
