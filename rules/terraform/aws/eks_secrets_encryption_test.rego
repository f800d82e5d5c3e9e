package gate.rules.terraform.aws.eks_secrets_encryption_test

import rego.v1

import data.gate.rules.terraform.aws.eks_secrets_encryption as rule

cluster(name, values) := {
	"address": sprintf("aws_eks_cluster.%s", [name]),
	"config_address": sprintf("aws_eks_cluster.%s", [name]),
	"module": "", "mode": "managed", "type": "aws_eks_cluster", "name": name,
	"index": null, "provider": "aws", "action": "create", "values": values, "refs": {},
}

doc(rs) := {"kind": "terraform", "resources": rs}

test_absent_fails if {
	r := rule.deny with input as doc([cluster("a", {"name": "a"})])
	count(r) == 1
	some f in r
	f.resource == "aws_eks_cluster.a"
	f.attribute == "encryption_config"
}

test_plan_empty_fails if {
	r := rule.deny with input as doc([cluster("a", {"encryption_config": []})])
	count(r) == 1
}

test_encrypted_passes if {
	r := rule.deny with input as doc([cluster("a", {"encryption_config": [{"resources": ["secrets"], "provider": [{"key_arn": "arn:aws:kms:us-east-1:111122223333:key/abc"}]}]})])
	count(r) == 0
}

test_unknown_key_passes if {
	r := rule.deny with input as doc([cluster("a", {"encryption_config": [{"resources": ["secrets"], "provider": [{"key_arn": "<<unknown>>"}]}]})])
	count(r) == 0
}

test_unknown_resources_passes if {
	r := rule.deny with input as doc([cluster("a", {"encryption_config": [{"resources": "<<unknown>>"}]})])
	count(r) == 0
}

test_data_source_ignored if {
	d := object.union(cluster("a", {}), {"mode": "data"})
	r := rule.deny with input as doc([d])
	count(r) == 0
}
