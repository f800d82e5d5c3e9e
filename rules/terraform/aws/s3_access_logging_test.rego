package gate.rules.terraform.aws.s3_access_logging_test

import rego.v1

import data.gate.rules.terraform.aws.s3_access_logging as rule

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

logging(name, target, log_bucket) := res("aws_s3_bucket_logging", name, {"bucket": u, "target_bucket": u, "target_prefix": "log/"}, {
	"bucket": [sprintf("aws_s3_bucket.%s", [target])],
	"target_bucket": [sprintf("aws_s3_bucket.%s", [log_bucket])],
})

test_bucket_without_logging_fails if {
	r := deny([bucket("data", {})])
	count(r) == 1
	some f in r
	f.resource == "aws_s3_bucket.data"
	f.attribute == "logging"
}

test_split_logging_passes_and_target_is_exempt if {
	count(deny([bucket("data", {}), bucket("logs", {}), logging("data", "data", "logs")])) == 0
}

test_other_bucket_still_fails if {
	r := deny([bucket("data", {}), bucket("other", {}), bucket("logs", {}), logging("data", "data", "logs")])
	count(r) == 1
	some f in r
	f.resource == "aws_s3_bucket.other"
}

test_legacy_logging_passes_and_target_is_exempt if {
	src := res("aws_s3_bucket", "data", {"bucket": "data", "logging": [{"target_bucket": u}]}, {"logging.target_bucket": ["aws_s3_bucket.logs"]})
	count(deny([src, bucket("logs", {})])) == 0
}

test_legacy_target_by_name_is_exempt if {
	src := bucket("data", {"logging": [{"target_bucket": "logs"}]})
	count(deny([src, bucket("logs", {})])) == 0
}

test_empty_legacy_block_fails if {
	count(deny([bucket("data", {"logging": []})])) == 1
}

test_unknown_legacy_block_does_not_fire if {
	count(deny([bucket("data", {"logging": u})])) == 0
}

test_unresolved_logging_resource_does_not_fire if {
	l := res("aws_s3_bucket_logging", "x", {"bucket": u, "target_bucket": "central-logs"}, {})
	count(deny([bucket("data", {}), l])) == 0
}
