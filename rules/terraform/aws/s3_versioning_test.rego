package gate.rules.terraform.aws.s3_versioning_test

import rego.v1

import data.gate.rules.terraform.aws.s3_versioning as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "aws", "action": "create", "values": values, "refs": refs,
}

u := "<<unknown>>"

deny(resources) := r if {
	r := rule.deny with input as {"kind": "terraform", "resources": resources}
}

bucket(name, values) := res("aws_s3_bucket", name, object.union({"bucket": name}, values), {})

versioning(name, target, status) := res(
	"aws_s3_bucket_versioning", name, {
		"bucket": u,
		"versioning_configuration": [{"status": status}],
	},
	{"bucket": [sprintf("aws_s3_bucket.%s", [target])]},
)

test_unversioned_bucket_fails if {
	r := deny([bucket("a", {})])
	count(r) == 1
	some f in r
	f.resource == "aws_s3_bucket.a"
	f.attribute == "versioning"
}

test_legacy_disabled_fails if {
	count(deny([bucket("a", {"versioning": [{"enabled": false, "mfa_delete": false}]})])) == 1
}

test_legacy_enabled_passes if {
	count(deny([bucket("a", {"versioning": [{"enabled": true}]})])) == 0
}

test_legacy_unknown_does_not_fire if {
	count(deny([bucket("a", {"versioning": u})])) == 0
	count(deny([bucket("a", {"versioning": [{"enabled": u}]})])) == 0
}

test_split_enabled_passes_despite_computed_legacy if {
	count(deny([bucket("a", {"versioning": [{"enabled": false}]}), versioning("a", "a", "Enabled")])) == 0
}

test_split_suspended_fails_on_versioning_resource if {
	r := deny([bucket("a", {}), versioning("a", "a", "Suspended")])
	count(r) == 1
	some f in r
	f.resource == "aws_s3_bucket_versioning.a"
	f.attribute == "versioning_configuration[0].status"
}

test_split_status_unknown_does_not_fire if {
	count(deny([bucket("a", {}), versioning("a", "a", u)])) == 0
}

test_split_for_other_bucket if {
	r := deny([bucket("a", {}), bucket("b", {}), versioning("b", "b", "Enabled")])
	count(r) == 1
	some f in r
	f.resource == "aws_s3_bucket.a"
}

test_unresolved_split_does_not_fire if {
	v := res("aws_s3_bucket_versioning", "x", {"bucket": u, "versioning_configuration": [{"status": "Enabled"}]}, {})
	count(deny([bucket("a", {}), v])) == 0
}

test_object_lock_skipped if {
	count(deny([bucket("a", {"object_lock_enabled": true})])) == 0
}
