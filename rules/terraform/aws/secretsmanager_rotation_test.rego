package gate.rules.terraform.aws.secretsmanager_rotation_test

import rego.v1

import data.gate.rules.terraform.aws.secretsmanager_rotation as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]),
	"config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name,
	"index": null, "provider": "aws", "action": "create", "values": values, "refs": refs,
}

secret(name, values) := res("aws_secretsmanager_secret", name, values, {})

rotation(name, secret_id, refs) := res(
	"aws_secretsmanager_secret_rotation", name, {
		"secret_id": secret_id,
		"rotation_lambda_arn": "<<unknown>>",
		"rotation_rules": [{"automatically_after_days": 30}],
	},
	refs,
)

doc(rs) := {"kind": "terraform", "resources": rs}

test_no_rotation_fails if {
	r := rule.deny with input as doc([secret("a", {"name": "db"})])
	count(r) == 1
	some f in r
	f.resource == "aws_secretsmanager_secret.a"
	f.attribute == ""
}

test_rotation_by_reference_passes if {
	r := rule.deny with input as doc([
		secret("a", {"name": "db"}),
		rotation("a", "<<unknown>>", {"secret_id": ["aws_secretsmanager_secret.a"]}),
	])
	count(r) == 0
}

test_rotation_by_known_arn_passes if {
	arn := "arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf"
	r := rule.deny with input as doc([
		secret("a", {"name": "db", "arn": arn, "id": arn}),
		rotation("a", arn, {}),
	])
	count(r) == 0
}

test_rotation_for_other_secret_fails if {
	r := rule.deny with input as doc([
		secret("a", {"name": "db"}),
		secret("b", {"name": "api"}),
		rotation("b", "<<unknown>>", {"secret_id": ["aws_secretsmanager_secret.b"]}),
	])
	{f.resource | some f in r} == {"aws_secretsmanager_secret.a"}
}

test_unresolved_rotation_passes if {
	r := rule.deny with input as doc([
		secret("a", {"name": "db"}),
		rotation("x", "<<unknown>>", {}),
	])
	count(r) == 0
}

test_legacy_inline_rotation_passes if {
	r := rule.deny with input as doc([secret("a", {"name": "db", "rotation_lambda_arn": "arn:aws:lambda:us-east-1:111122223333:function:rotate", "rotation_rules": [{"automatically_after_days": 30}]})])
	count(r) == 0
}

test_plan_unknown_computed_rotation_passes if {
	r := rule.deny with input as doc([secret("a", {"name": "test", "rotation_lambda_arn": "<<unknown>>", "rotation_rules": "<<unknown>>"})])
	count(r) == 0
}

test_data_source_ignored if {
	d := object.union(secret("a", {}), {"mode": "data"})
	r := rule.deny with input as doc([d])
	count(r) == 0
}
