package gate.rules.terraform.aws.dynamodb_pitr_test

import rego.v1

import data.gate.rules.terraform.aws.dynamodb_pitr as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "aws", "action": "create", "values": values, "refs": refs,
}

u := "<<unknown>>"

deny(values) := r if {
	r := rule.deny with input as {"kind": "terraform", "resources": [res("aws_dynamodb_table", "t", object.union({"name": "t", "hash_key": "id"}, values), {})]}
}

test_missing_fails if {
	r := deny({})
	count(r) == 1
	some f in r
	f.resource == "aws_dynamodb_table.t"
	f.attribute == "point_in_time_recovery"
}

test_disabled_fails if {
	r := deny({"point_in_time_recovery": [{"enabled": false}]})
	count(r) == 1
	some f in r
	f.attribute == "point_in_time_recovery[0].enabled"
	count(deny({"point_in_time_recovery": []})) == 1
}

test_enabled_passes if {
	count(deny({"point_in_time_recovery": [{"enabled": true}]})) == 0
}

test_unknown_does_not_fire if {
	count(deny({"point_in_time_recovery": u})) == 0
	count(deny({"point_in_time_recovery": [{"enabled": u}]})) == 0
}
