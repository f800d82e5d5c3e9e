package gate.rules.terraform.aws.guardduty_detector_enabled_test

import rego.v1

import data.gate.rules.terraform.aws.guardduty_detector_enabled as rule

detector(name, values) := {
	"address": sprintf("aws_guardduty_detector.%s", [name]),
	"config_address": sprintf("aws_guardduty_detector.%s", [name]),
	"module": "", "mode": "managed", "type": "aws_guardduty_detector", "name": name,
	"index": null, "provider": "aws", "action": "create", "values": values, "refs": {},
}

doc(rs) := {"kind": "terraform", "resources": rs}

test_disabled_fails if {
	r := rule.deny with input as doc([detector("a", {"enable": false})])
	count(r) == 1
	some f in r
	f.resource == "aws_guardduty_detector.a"
	f.attribute == "enable"
}

test_enabled_passes if {
	r := rule.deny with input as doc([detector("a", {"enable": true})])
	count(r) == 0
}

test_default_enabled_passes if {
	r := rule.deny with input as doc([detector("a", {"finding_publishing_frequency": "FIFTEEN_MINUTES"})])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as doc([detector("a", {"enable": "<<unknown>>"})])
	count(r) == 0
}

test_data_source_ignored if {
	d := object.union(detector("a", {"enable": false}), {"mode": "data"})
	r := rule.deny with input as doc([d])
	count(r) == 0
}
