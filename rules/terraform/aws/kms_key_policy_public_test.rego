package gate.rules.terraform.aws.kms_key_policy_public_test

import rego.v1

import data.gate.rules.terraform.aws.kms_key_policy_public as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "aws", "action": "create", "values": values, "refs": refs,
}

u := "<<unknown>>"

deny(resources) := r if {
	r := rule.deny with input as {"kind": "terraform", "resources": resources}
}

public := `{"Version":"2012-10-17","Statement":[
  {"Sid":"Root","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"},
  {"Sid":"Everyone","Effect":"Allow","Principal":{"AWS":"*"},"Action":["kms:Decrypt"],"Resource":"*"}]}`

conditioned := `{"Version":"2012-10-17","Statement":[
  {"Effect":"Allow","Principal":{"AWS":"*"},"Action":["kms:Decrypt"],"Resource":"*",
   "Condition":{"StringEquals":{"kms:CallerAccount":"111122223333","kms:ViaService":"s3.eu-west-1.amazonaws.com"}}}]}`

test_public_key_policy_fails if {
	r := deny([res("aws_kms_key", "k", {"policy": public}, {})])
	count(r) == 1
	some f in r
	f.resource == "aws_kms_key.k"
	f.attribute == "policy"
}

test_key_policy_resource_fails if {
	count(deny([res("aws_kms_key_policy", "p", {"key_id": u, "policy": public}, {})])) == 1
}

test_conditioned_passes if {
	count(deny([res("aws_kms_key", "k", {"policy": conditioned}, {})])) == 0
}

test_no_policy_passes if {
	count(deny([res("aws_kms_key", "k", {"enable_key_rotation": true}, {})])) == 0
}

test_unknown_does_not_fire if {
	count(deny([res("aws_kms_key", "k", {"policy": u}, {})])) == 0
}
