package gate.rules.terraform.aws.ebs_block_device_encrypted_test

import rego.v1

import data.gate.rules.terraform.aws.ebs_block_device_encrypted as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "aws", "action": "create", "values": values, "refs": refs,
}

u := "<<unknown>>"

deny(resources) := r if {
	r := rule.deny with input as {"kind": "terraform", "resources": resources}
}

test_root_device_unencrypted_fails if {
	r := deny([res("aws_instance", "a", {"root_block_device": [{"volume_size": 20, "encrypted": false}]}, {})])
	count(r) == 1
	some f in r
	f.resource == "aws_instance.a"
	f.attribute == "root_block_device[0].encrypted"
}

test_ebs_block_device_unencrypted_fails if {
	r := deny([res("aws_instance", "a", {"ebs_block_device": [{"device_name": "/dev/sdf", "encrypted": true}, {"device_name": "/dev/sdg", "encrypted": false}]}, {})])
	count(r) == 1
	some f in r
	f.attribute == "ebs_block_device[1].encrypted"
}

test_absent_or_true_passes if {
	count(deny([res("aws_instance", "a", {"root_block_device": [{"volume_size": 20}]}, {})])) == 0
	count(deny([res("aws_instance", "a", {"root_block_device": [{"encrypted": true}]}, {})])) == 0
	count(deny([res("aws_instance", "a", {}, {})])) == 0
}

test_unknown_does_not_fire if {
	count(deny([res("aws_instance", "a", {"root_block_device": [{"encrypted": u}]}, {})])) == 0
	count(deny([res("aws_instance", "a", {"root_block_device": u}, {})])) == 0
}

test_snapshot_device_skipped if {
	count(deny([res("aws_instance", "a", {"ebs_block_device": [{"encrypted": false, "snapshot_id": "snap-1"}]}, {})])) == 0
}

test_launch_template if {
	lt := res("aws_launch_template", "t", {"block_device_mappings": [{"device_name": "/dev/xvda", "ebs": [{"volume_size": 20, "encrypted": "false"}]}]}, {})
	r := deny([lt])
	count(r) == 1
	some f in r
	f.attribute == "block_device_mappings[0].ebs[0].encrypted"
	ok := res("aws_launch_template", "t", {"block_device_mappings": [{"device_name": "/dev/xvda", "ebs": [{"encrypted": "true"}]}]}, {})
	count(deny([ok])) == 0
	empty := res("aws_launch_template", "t", {"block_device_mappings": [{"device_name": "/dev/xvda", "ebs": [{"encrypted": ""}]}]}, {})
	count(deny([empty])) == 0
}

test_launch_configuration if {
	count(deny([res("aws_launch_configuration", "c", {"root_block_device": [{"encrypted": false}]}, {})])) == 1
}

test_default_encryption_covers if {
	inst := res("aws_instance", "a", {"root_block_device": [{"encrypted": false}]}, {})
	count(deny([inst, res("aws_ebs_encryption_by_default", "d", {"enabled": true}, {})])) == 0
}
