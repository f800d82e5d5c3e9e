package gate.rules.terraform.aws.ebs_volume_encrypted_test

import rego.v1

import data.gate.rules.terraform.aws.ebs_volume_encrypted as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "aws", "action": "create", "values": values, "refs": refs,
}

u := "<<unknown>>"

deny(resources) := r if {
	r := rule.deny with input as {"kind": "terraform", "resources": resources}
}

vol(name, values) := res("aws_ebs_volume", name, object.union({"availability_zone": "us-west-2a", "size": 40}, values), {})

test_unencrypted_volume_fails if {
	r := deny([vol("bad", {"encrypted": false})])
	count(r) == 1
	some f in r
	f.resource == "aws_ebs_volume.bad"
	f.attribute == "encrypted"
}

test_missing_encrypted_fails if {
	count(deny([vol("missing", {})])) == 1
}

test_encrypted_volume_passes if {
	count(deny([vol("good", {"encrypted": true})])) == 0
}

test_unknown_does_not_fire if {
	count(deny([vol("x", {"encrypted": u})])) == 0
}

test_snapshot_volume_skipped if {
	count(deny([vol("x", {"snapshot_id": "snap-0123456789abcdef0"})])) == 0
	count(deny([vol("x", {"snapshot_id": u})])) == 0
	count(deny([vol("x", {"snapshot_id": null})])) == 1
	count(deny([vol("x", {"snapshot_id": ""})])) == 1
}

test_snapshot_reference_skipped_in_plan if {
	v := res("aws_ebs_volume", "x", {"snapshot_id": u}, {"snapshot_id": ["aws_ebs_snapshot.s"]})
	r := rule.deny with input as {"kind": "terraform", "source": "plan", "resources": [v]}
	count(r) == 0
}

test_computed_snapshot_placeholder_in_plan_fails if {
	r := rule.deny with input as {"kind": "terraform", "source": "plan", "resources": [vol("bad", {"encrypted": false, "snapshot_id": u})]}
	count(r) == 1
}

test_default_encryption_covers if {
	count(deny([vol("x", {}), res("aws_ebs_encryption_by_default", "d", {}, {})])) == 0
	count(deny([vol("x", {}), res("aws_ebs_encryption_by_default", "d", {"enabled": true}, {})])) == 0
	count(deny([vol("x", {}), res("aws_ebs_encryption_by_default", "d", {"enabled": u}, {})])) == 0
	count(deny([vol("x", {}), res("aws_ebs_encryption_by_default", "d", {"enabled": false}, {})])) == 1
}

test_data_source_ignored if {
	count(deny([object.union(vol("x", {}), {"mode": "data"})])) == 0
}

test_param_default_encryption_elsewhere if {
	r := rule.deny with input as {"kind": "terraform", "resources": [vol("x", {"encrypted": false})]}
		with data.gate_config.params as {"GATE-AWS-EBS-001": {"default_encryption_elsewhere": true}}
	count(r) == 0
}
