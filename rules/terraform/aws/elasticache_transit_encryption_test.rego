package gate.rules.terraform.aws.elasticache_transit_encryption_test

import rego.v1

import data.gate.rules.terraform.aws.elasticache_transit_encryption as rule

group(name, values) := {
	"address": sprintf("aws_elasticache_replication_group.%s", [name]),
	"config_address": sprintf("aws_elasticache_replication_group.%s", [name]),
	"module": "", "mode": "managed", "type": "aws_elasticache_replication_group", "name": name,
	"index": null, "provider": "aws", "action": "create", "values": values, "refs": {},
}

doc(rs) := {"kind": "terraform", "resources": rs}

test_redis_default_fails if {
	r := rule.deny with input as doc([group("a", {"engine": "redis"})])
	count(r) == 1
	some f in r
	f.resource == "aws_elasticache_replication_group.a"
	f.attribute == "transit_encryption_enabled"
}

test_engine_absent_fails if {
	r := rule.deny with input as doc([group("a", {"replication_group_id": "a"})])
	count(r) == 1
}

test_explicit_false_fails if {
	r := rule.deny with input as doc([group("a", {"engine": "valkey", "transit_encryption_enabled": false})])
	count(r) == 1
}

test_enabled_passes if {
	r := rule.deny with input as doc([group("a", {"engine": "redis", "transit_encryption_enabled": true})])
	count(r) == 0
}

test_valkey_absent_not_judged if {
	r := rule.deny with input as doc([group("a", {"engine": "valkey"})])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as doc([group("a", {"transit_encryption_enabled": "<<unknown>>"})])
	count(r) == 0
}

test_data_source_ignored if {
	d := object.union(group("a", {}), {"mode": "data"})
	r := rule.deny with input as doc([d])
	count(r) == 0
}
