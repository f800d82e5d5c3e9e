package gate.rules.terraform.aws.backup_vault_kms_test

import rego.v1

import data.gate.rules.terraform.aws.backup_vault_kms as rule

vault(name, values) := {
	"address": sprintf("aws_backup_vault.%s", [name]),
	"config_address": sprintf("aws_backup_vault.%s", [name]),
	"module": "", "mode": "managed", "type": "aws_backup_vault", "name": name,
	"index": null, "provider": "aws", "action": "create", "values": values, "refs": {},
}

doc(rs) := {"kind": "terraform", "resources": rs}

test_absent_fails if {
	r := rule.deny with input as doc([vault("a", {"name": "prod"})])
	count(r) == 1
	some f in r
	f.resource == "aws_backup_vault.a"
	f.attribute == "kms_key_id"
}

test_null_fails if {
	r := rule.deny with input as doc([vault("a", {"name": "prod", "kms_key_id": null})])
	count(r) == 1
}

test_key_passes if {
	r := rule.deny with input as doc([vault("a", {"kms_key_id": "arn:aws:kms:us-east-1:111122223333:key/abc"})])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as doc([vault("a", {"kms_key_id": "<<unknown>>"})])
	count(r) == 0
}

test_data_source_ignored if {
	d := object.union(vault("a", {}), {"mode": "data"})
	r := rule.deny with input as doc([d])
	count(r) == 0
}
