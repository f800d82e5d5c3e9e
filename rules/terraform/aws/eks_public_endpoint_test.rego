package gate.rules.terraform.aws.eks_public_endpoint_test

import rego.v1

import data.gate.rules.terraform.aws.eks_public_endpoint as rule

cluster(name, vc) := {
	"address": sprintf("aws_eks_cluster.%s", [name]),
	"config_address": sprintf("aws_eks_cluster.%s", [name]),
	"module": "", "mode": "managed", "type": "aws_eks_cluster", "name": name,
	"index": null, "provider": "aws", "action": "create", "values": {"name": name, "vpc_config": [vc]}, "refs": {},
}

doc(rs) := {"kind": "terraform", "resources": rs}

test_defaults_fail if {
	r := rule.deny with input as doc([cluster("a", {"subnet_ids": ["subnet-1", "subnet-2"]})])
	count(r) == 1
	some f in r
	f.resource == "aws_eks_cluster.a"
	f.attribute == "vpc_config[0].public_access_cidrs"
}

test_explicit_open_cidr_fails if {
	r := rule.deny with input as doc([cluster("a", {"endpoint_public_access": true, "public_access_cidrs": ["0.0.0.0/0"]})])
	count(r) == 1
}

test_open_among_others_fails if {
	r := rule.deny with input as doc([cluster("a", {"endpoint_public_access": true, "public_access_cidrs": ["10.0.0.0/8", "0.0.0.0/0"]})])
	count(r) == 1
}

test_restricted_cidrs_pass if {
	r := rule.deny with input as doc([cluster("a", {"endpoint_public_access": true, "public_access_cidrs": ["203.0.113.0/24"]})])
	count(r) == 0
}

test_private_only_passes if {
	r := rule.deny with input as doc([cluster("a", {"endpoint_private_access": true, "endpoint_public_access": false})])
	count(r) == 0
}

test_unknown_cidrs_pass if {
	r := rule.deny with input as doc([cluster("a", {"endpoint_public_access": true, "public_access_cidrs": "<<unknown>>"})])
	count(r) == 0
}

test_unknown_public_flag_passes if {
	r := rule.deny with input as doc([cluster("a", {"endpoint_public_access": "<<unknown>>", "public_access_cidrs": ["0.0.0.0/0"]})])
	count(r) == 0
}

test_unknown_vpc_config_passes if {
	c := object.union(cluster("a", {}), {"values": {"vpc_config": "<<unknown>>"}})
	r := rule.deny with input as doc([c])
	count(r) == 0
}

test_data_source_ignored if {
	d := object.union(cluster("a", {}), {"mode": "data"})
	r := rule.deny with input as doc([d])
	count(r) == 0
}
