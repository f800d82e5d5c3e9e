package gate.rules.terraform.aws.cloudfront_logging_test

import rego.v1

import data.gate.rules.terraform.aws.cloudfront_logging as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]),
	"config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name,
	"index": null, "provider": "aws", "action": "create", "values": values, "refs": refs,
}

dist(name, values) := res("aws_cloudfront_distribution", name, values, {})

doc(rs) := {"kind": "terraform", "resources": rs}

test_no_logging_fails if {
	r := rule.deny with input as doc([dist("a", {"enabled": true})])
	count(r) == 1
	some f in r
	f.resource == "aws_cloudfront_distribution.a"
	f.attribute == "logging_config"
}

test_plan_empty_block_fails if {
	r := rule.deny with input as doc([dist("a", {"logging_config": []})])
	count(r) == 1
}

test_logging_passes if {
	r := rule.deny with input as doc([dist("a", {"logging_config": [{"bucket": "logs.s3.amazonaws.com", "prefix": "cdn/"}]})])
	count(r) == 0
}

test_logging_unknown_bucket_passes if {
	r := rule.deny with input as doc([dist("a", {"logging_config": [{"bucket": "<<unknown>>"}]})])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as doc([dist("a", {"logging_config": "<<unknown>>"})])
	count(r) == 0
}

test_v2_delivery_source_passes if {
	src := res("aws_cloudwatch_log_delivery_source", "cdn", {"log_type": "ACCESS_LOGS", "resource_arn": "<<unknown>>"}, {"resource_arn": ["aws_cloudfront_distribution.a"]})
	r := rule.deny with input as doc([dist("a", {}), src])
	count(r) == 0
}

test_v2_delivery_source_for_other_distribution_fails if {
	src := res("aws_cloudwatch_log_delivery_source", "cdn", {"log_type": "ACCESS_LOGS", "resource_arn": "<<unknown>>"}, {"resource_arn": ["aws_cloudfront_distribution.b"]})
	r := rule.deny with input as doc([dist("a", {}), dist("b", {}), src])
	{f.resource | some f in r} == {"aws_cloudfront_distribution.a"}
}

test_v2_delivery_source_unresolved_passes if {
	src := res("aws_cloudwatch_log_delivery_source", "cdn", {"log_type": "ACCESS_LOGS", "resource_arn": "<<unknown>>"}, {})
	r := rule.deny with input as doc([dist("a", {}), src])
	count(r) == 0
}

test_data_source_ignored if {
	d := object.union(dist("a", {}), {"mode": "data"})
	r := rule.deny with input as doc([d])
	count(r) == 0
}
