package gate.rules.terraform.aws.vpc_nacl_remote_admin_open_test

import rego.v1

import data.gate.rules.terraform.aws.vpc_nacl_remote_admin_open as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "aws", "action": "create", "values": values, "refs": refs,
}

u := "<<unknown>>"

deny(resources) := r if {
	r := rule.deny with input as {"kind": "terraform", "resources": resources}
}

nacl(name, ingress) := res("aws_network_acl", name, {"vpc_id": u, "ingress": ingress}, {"vpc_id": ["aws_vpc.main"]})

ing(no, action, protocol, from, to, cidr) := {"rule_no": no, "action": action, "protocol": protocol, "from_port": from, "to_port": to, "cidr_block": cidr}

test_ssh_from_world_fails if {
	r := deny([nacl("a", [ing(100, "allow", "tcp", 22, 22, "0.0.0.0/0")])])
	count(r) == 1
	some f in r
	f.resource == "aws_network_acl.a"
	f.attribute == "ingress[0].cidr_block"
	contains(f.msg, "22 (SSH)")
}

test_all_traffic_fails_for_both_ports if {
	r := deny([nacl("a", [ing(100, "allow", "-1", 0, 0, "0.0.0.0/0")])])
	count(r) == 1
	some f in r
	contains(f.msg, "22 (SSH) and 3389 (RDP)")
}

test_ipv6 if {
	e := {"rule_no": 100, "action": "allow", "protocol": "6", "from_port": 3389, "to_port": 3389, "ipv6_cidr_block": "::/0"}
	r := deny([nacl("a", [e])])
	count(r) == 1
	some f in r
	f.attribute == "ingress[0].ipv6_cidr_block"
}

test_private_source_or_other_port_passes if {
	count(deny([nacl("a", [ing(100, "allow", "tcp", 22, 22, "10.0.0.0/8")])])) == 0
	count(deny([nacl("a", [ing(100, "allow", "tcp", 443, 443, "0.0.0.0/0")])])) == 0
	count(deny([nacl("a", [ing(100, "deny", "tcp", 22, 22, "0.0.0.0/0")])])) == 0
}

test_earlier_deny_shadows if {
	count(deny([nacl("a", [ing(50, "deny", "tcp", 22, 22, "0.0.0.0/0"), ing(100, "allow", "tcp", 0, 65535, "0.0.0.0/0")])])) == 1
	r := deny([nacl("a", [ing(50, "deny", "tcp", 22, 22, "0.0.0.0/0"), ing(60, "deny", "-1", 0, 0, "0.0.0.0/0"), ing(100, "allow", "tcp", 0, 65535, "0.0.0.0/0")])])
	count(r) == 0
}

test_deny_of_ssh_leaves_rdp if {
	r := deny([nacl("a", [ing(50, "deny", "tcp", 22, 22, "0.0.0.0/0"), ing(100, "allow", "-1", 0, 0, "0.0.0.0/0")])])
	count(r) == 1
	some f in r
	contains(f.msg, "3389 (RDP)")
	not contains(f.msg, "22 (SSH)")
}

test_later_deny_does_not_shadow if {
	count(deny([nacl("a", [ing(200, "deny", "tcp", 22, 22, "0.0.0.0/0"), ing(100, "allow", "tcp", 22, 22, "0.0.0.0/0")])])) == 1
}

test_unknown_does_not_fire if {
	count(deny([nacl("a", [ing(100, "allow", "tcp", 22, 22, u)])])) == 0
	count(deny([nacl("a", [ing(100, u, "tcp", 22, 22, "0.0.0.0/0")])])) == 0
	count(deny([nacl("a", [ing(100, "allow", u, 22, 22, "0.0.0.0/0")])])) == 0
	count(deny([nacl("a", [ing(50, "deny", "tcp", 22, 22, u), ing(100, "allow", "tcp", 22, 22, "0.0.0.0/0")])])) == 0
}

test_standalone_rule if {
	a := nacl("a", [])
	rule_in := res("aws_network_acl_rule", "ssh", {"network_acl_id": u, "rule_number": 100, "egress": false, "protocol": "tcp", "rule_action": "allow", "cidr_block": "0.0.0.0/0", "from_port": 22, "to_port": 22}, {"network_acl_id": ["aws_network_acl.a"]})
	rule_out := res("aws_network_acl_rule", "out", {"network_acl_id": u, "rule_number": 100, "egress": true, "protocol": "tcp", "rule_action": "allow", "cidr_block": "0.0.0.0/0", "from_port": 22, "to_port": 22}, {"network_acl_id": ["aws_network_acl.a"]})
	r := deny([a, rule_in, rule_out])
	count(r) == 1
	some f in r
	f.resource == "aws_network_acl_rule.ssh"
	f.attribute == "cidr_block"
	shadow := res("aws_network_acl_rule", "block", {"network_acl_id": u, "rule_number": 10, "protocol": "-1", "rule_action": "deny", "cidr_block": "0.0.0.0/0"}, {"network_acl_id": ["aws_network_acl.a"]})
	count(deny([a, rule_in, shadow])) == 0
	other := res("aws_network_acl_rule", "block", {"network_acl_id": u, "rule_number": 10, "protocol": "-1", "rule_action": "deny", "cidr_block": "0.0.0.0/0"}, {"network_acl_id": ["aws_network_acl.b"]})
	count(deny([a, rule_in, other])) == 1
}

test_default_network_acl if {
	d := res("aws_default_network_acl", "d", {"ingress": [ing(100, "allow", "-1", 0, 0, "0.0.0.0/0")]}, {})
	count(deny([d])) == 1
}
