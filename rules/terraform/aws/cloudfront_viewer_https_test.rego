package gate.rules.terraform.aws.cloudfront_viewer_https_test

import rego.v1

import data.gate.rules.terraform.aws.cloudfront_viewer_https as rule

dist(name, values) := {
	"address": sprintf("aws_cloudfront_distribution.%s", [name]),
	"config_address": sprintf("aws_cloudfront_distribution.%s", [name]),
	"module": "", "mode": "managed", "type": "aws_cloudfront_distribution", "name": name,
	"index": null, "provider": "aws", "action": "create", "values": values, "refs": {},
}

doc(rs) := {"kind": "terraform", "resources": rs}

test_default_allow_all_fails if {
	r := rule.deny with input as doc([dist("a", {"default_cache_behavior": [{"viewer_protocol_policy": "allow-all", "target_origin_id": "s3"}]})])
	count(r) == 1
	some f in r
	f.resource == "aws_cloudfront_distribution.a"
	f.attribute == "default_cache_behavior[0].viewer_protocol_policy"
}

test_ordered_allow_all_fails if {
	r := rule.deny with input as doc([dist("a", {
		"default_cache_behavior": [{"viewer_protocol_policy": "redirect-to-https"}],
		"ordered_cache_behavior": [
			{"path_pattern": "/static/*", "viewer_protocol_policy": "https-only"},
			{"path_pattern": "/legacy/*", "viewer_protocol_policy": "allow-all"},
		],
	})])
	count(r) == 1
	some f in r
	f.attribute == "ordered_cache_behavior[1].viewer_protocol_policy"
	contains(f.msg, "/legacy/*")
}

test_redirect_passes if {
	r := rule.deny with input as doc([dist("a", {"default_cache_behavior": [{"viewer_protocol_policy": "redirect-to-https"}]})])
	count(r) == 0
}

test_https_only_passes if {
	r := rule.deny with input as doc([dist("a", {"default_cache_behavior": [{"viewer_protocol_policy": "https-only"}]})])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as doc([dist("a", {"default_cache_behavior": [{"viewer_protocol_policy": "<<unknown>>"}]})])
	count(r) == 0
}

test_unknown_block_passes if {
	r := rule.deny with input as doc([dist("a", {"default_cache_behavior": "<<unknown>>"})])
	count(r) == 0
}

test_data_source_ignored if {
	d := object.union(dist("a", {"default_cache_behavior": [{"viewer_protocol_policy": "allow-all"}]}), {"mode": "data"})
	r := rule.deny with input as doc([d])
	count(r) == 0
}
