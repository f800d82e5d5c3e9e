package gate.rules.terraform.aws.kms_key_rotation_test

import rego.v1

import data.gate.rules.terraform.aws.kms_key_rotation as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "aws", "action": "create", "values": values, "refs": refs,
}

u := "<<unknown>>"

deny(resources) := r if {
	r := rule.deny with input as {"kind": "terraform", "resources": resources}
}

test_missing_rotation_fails if {
	r := deny([res("aws_kms_key", "k", {"description": "x"}, {})])
	count(r) == 1
	some f in r
	f.resource == "aws_kms_key.k"
	f.attribute == "enable_key_rotation"
}

test_rotation_disabled_fails if {
	count(deny([res("aws_kms_key", "k", {"enable_key_rotation": false, "customer_master_key_spec": "SYMMETRIC_DEFAULT"}, {})])) == 1
}

test_rotation_enabled_passes if {
	count(deny([res("aws_kms_key", "k", {"enable_key_rotation": true}, {})])) == 0
}

test_unknown_does_not_fire if {
	count(deny([res("aws_kms_key", "k", {"enable_key_rotation": u}, {})])) == 0
	count(deny([res("aws_kms_key", "k", {"customer_master_key_spec": u}, {})])) == 0
}

test_asymmetric_and_hmac_skipped if {
	count(deny([res("aws_kms_key", "k", {"customer_master_key_spec": "RSA_2048", "key_usage": "SIGN_VERIFY"}, {})])) == 0
	count(deny([res("aws_kms_key", "k", {"key_spec": "HMAC_256"}, {})])) == 0
}

test_custom_key_store_skipped if {
	count(deny([res("aws_kms_key", "k", {"custom_key_store_id": "cks-1234"}, {})])) == 0
	count(deny([res("aws_kms_key", "k", {"custom_key_store_id": null, "xks_key_id": ""}, {})])) == 1
}

test_data_source_ignored if {
	count(deny([object.union(res("aws_kms_key", "k", {}, {}), {"mode": "data"})])) == 0
}
