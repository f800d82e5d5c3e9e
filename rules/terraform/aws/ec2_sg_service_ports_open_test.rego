package gate.rules.terraform.aws.ec2_sg_service_ports_open_test

import rego.v1

import data.gate.rules.terraform.aws.ec2_sg_service_ports_open as rule

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

test_postgres_open_fails if {
	r := deny([sg("db", [ing(5432, 5432, "tcp", ["0.0.0.0/0"])])])
	count(r) == 1
	some f in r
	f.resource == "aws_security_group.db"
	f.attribute == "ingress[0].cidr_blocks"
	contains(f.msg, "5432 (PostgreSQL)")
}

test_range_lists_every_port if {
	r := deny([sg("db", [ing(3000, 6000, "tcp", ["::/0"])])])
	count(r) == 1
	some f in r
	contains(f.msg, "3306 (MySQL), 5432 (PostgreSQL), 5900 (VNC)")
}

test_web_ports_pass if {
	count(deny([sg("web", [ing(80, 80, "tcp", ["0.0.0.0/0"]), ing(443, 443, "tcp", ["0.0.0.0/0"])])])) == 0
}

test_ssh_and_all_ports_left_to_other_rules if {
	count(deny([sg("a", [ing(22, 22, "tcp", ["0.0.0.0/0"])])])) == 0
	count(deny([sg("a", [ing(0, 0, "-1", ["0.0.0.0/0"])])])) == 0
	count(deny([sg("a", [ing(0, 65535, "tcp", ["0.0.0.0/0"])])])) == 0
}

test_private_source_passes if {
	count(deny([sg("db", [ing(5432, 5432, "tcp", ["10.0.0.0/8"])])])) == 0
}

test_unknown_does_not_fire if {
	count(deny([sg("db", [ing(5432, 5432, "tcp", [u])])])) == 0
	count(deny([sg("db", [ing(u, 5432, "tcp", ["0.0.0.0/0"])])])) == 0
}

test_vpc_rule_and_param if {
	r := res("aws_vpc_security_group_ingress_rule", "app", {"cidr_ipv4": "0.0.0.0/0", "ip_protocol": "tcp", "from_port": 8080, "to_port": 8080}, {})
	count(deny([r])) == 0
	out := rule.deny with input as {"kind": "terraform", "resources": [r]}
		with data.gate_config.params as {"GATE-AWS-EC2-007": {"ports": [8080]}}
	count(out) == 1
}
