package gate.rules.terraform.aws.vpc_flow_logs_test

import rego.v1

import data.gate.rules.terraform.aws.vpc_flow_logs as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "aws", "action": "create", "values": values, "refs": refs,
}

u := "<<unknown>>"

deny(resources) := r if {
	r := rule.deny with input as {"kind": "terraform", "resources": resources}
}

vpc(name) := res("aws_vpc", name, {"cidr_block": "10.0.0.0/16", "id": u}, {})

flow(name, target) := res("aws_flow_log", name, {"vpc_id": u, "traffic_type": "ALL"}, {"vpc_id": [sprintf("aws_vpc.%s", [target])]})

test_vpc_without_flow_log_fails if {
	r := deny([vpc("main")])
	count(r) == 1
	some f in r
	f.resource == "aws_vpc.main"
	f.attribute == ""
}

test_vpc_with_flow_log_passes if {
	count(deny([vpc("main"), flow("main", "main")])) == 0
}

test_flow_log_for_other_vpc if {
	r := deny([vpc("a"), vpc("b"), flow("b", "b")])
	count(r) == 1
	some f in r
	f.resource == "aws_vpc.a"
}

test_subnet_flow_log_does_not_count if {
	s := res("aws_flow_log", "s", {"subnet_id": u, "traffic_type": "ALL"}, {"subnet_id": ["aws_subnet.a"]})
	count(deny([vpc("main"), s])) == 1
}

test_unresolved_flow_log_does_not_fire if {
	f := res("aws_flow_log", "x", {"vpc_id": u, "traffic_type": "ALL"}, {"vpc_id": ["module.network"]})
	count(deny([vpc("main"), f])) == 0
}

test_existing_vpc_joined_by_id if {
	v := object.union(res("aws_vpc", "main", {"id": "vpc-0abc"}, {}), {"action": "no-op"})
	f := res("aws_flow_log", "x", {"vpc_id": "vpc-0abc"}, {})
	count(deny([v, f])) == 0
	f2 := res("aws_flow_log", "x", {"vpc_id": "vpc-0def"}, {})
	count(deny([v, f2])) == 1
}

test_data_source_ignored if {
	count(deny([object.union(vpc("main"), {"mode": "data"})])) == 0
}
