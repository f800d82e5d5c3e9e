package gate.rules.terraform.aws.ec2_ami_public_test

import rego.v1

import data.gate.rules.terraform.aws.ec2_ami_public as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "aws", "action": "create", "values": values, "refs": refs,
}

u := "<<unknown>>"

deny(resources) := r if {
	r := rule.deny with input as {"kind": "terraform", "resources": resources}
}

test_public_ami_fails if {
	r := deny([res("aws_ami_launch_permission", "p", {"image_id": u, "group": "all"}, {})])
	count(r) == 1
	some f in r
	f.resource == "aws_ami_launch_permission.p"
	f.attribute == "group"
}

test_account_share_passes if {
	count(deny([res("aws_ami_launch_permission", "p", {"image_id": u, "account_id": "111122223333"}, {})])) == 0
}

test_unknown_does_not_fire if {
	count(deny([res("aws_ami_launch_permission", "p", {"image_id": u, "group": u}, {})])) == 0
}
