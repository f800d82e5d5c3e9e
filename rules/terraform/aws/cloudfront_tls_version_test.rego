package gate.rules.terraform.aws.cloudfront_tls_version_test

import rego.v1

import data.gate.rules.terraform.aws.cloudfront_tls_version as rule

dist(name, vc) := {
	"address": sprintf("aws_cloudfront_distribution.%s", [name]),
	"config_address": sprintf("aws_cloudfront_distribution.%s", [name]),
	"module": "", "mode": "managed", "type": "aws_cloudfront_distribution", "name": name,
	"index": null, "provider": "aws", "action": "create", "values": {"viewer_certificate": [vc]}, "refs": {},
}

doc(rs) := {"kind": "terraform", "resources": rs}

acm := "arn:aws:acm:us-east-1:111122223333:certificate/abc"

test_tls1_fails if {
	r := rule.deny with input as doc([dist("a", {"acm_certificate_arn": acm, "ssl_support_method": "sni-only", "minimum_protocol_version": "TLSv1"})])
	count(r) == 1
	some f in r
	f.resource == "aws_cloudfront_distribution.a"
	f.attribute == "viewer_certificate[0].minimum_protocol_version"
}

test_2019_fails if {
	r := rule.deny with input as doc([dist("a", {"acm_certificate_arn": acm, "minimum_protocol_version": "TLSv1.2_2019"})])
	count(r) == 1
}

test_iam_certificate_tls11_fails if {
	r := rule.deny with input as doc([dist("a", {"iam_certificate_id": "ASCAEXAMPLE", "minimum_protocol_version": "TLSv1.1_2016"})])
	count(r) == 1
}

test_absent_version_fails if {
	r := rule.deny with input as doc([dist("a", {"acm_certificate_arn": acm, "ssl_support_method": "sni-only"})])
	count(r) == 1
	some f in r
	f.attribute == "viewer_certificate"
}

test_unknown_certificate_reference_judged if {
	r := rule.deny with input as doc([dist("a", {"acm_certificate_arn": "<<unknown>>", "minimum_protocol_version": "TLSv1"})])
	count(r) == 1
}

test_2021_passes if {
	r := rule.deny with input as doc([dist("a", {"acm_certificate_arn": acm, "minimum_protocol_version": "TLSv1.2_2021"})])
	count(r) == 0
}

test_2025_passes if {
	r := rule.deny with input as doc([dist("a", {"acm_certificate_arn": acm, "minimum_protocol_version": "TLSv1.3_2025"})])
	count(r) == 0
}

test_default_certificate_not_judged if {
	r := rule.deny with input as doc([dist("a", {"cloudfront_default_certificate": true, "minimum_protocol_version": "TLSv1"})])
	count(r) == 0
}

test_plan_default_certificate_with_empty_acm_not_judged if {
	r := rule.deny with input as doc([dist("a", {"cloudfront_default_certificate": true, "acm_certificate_arn": "", "minimum_protocol_version": "TLSv1"})])
	count(r) == 0
}

test_unknown_version_passes if {
	r := rule.deny with input as doc([dist("a", {"acm_certificate_arn": acm, "minimum_protocol_version": "<<unknown>>"})])
	count(r) == 0
}

test_unknown_default_flag_passes if {
	r := rule.deny with input as doc([dist("a", {"cloudfront_default_certificate": "<<unknown>>", "acm_certificate_arn": acm, "minimum_protocol_version": "TLSv1"})])
	count(r) == 0
}

test_data_source_ignored if {
	d := object.union(dist("a", {"acm_certificate_arn": acm, "minimum_protocol_version": "TLSv1"}), {"mode": "data"})
	r := rule.deny with input as doc([d])
	count(r) == 0
}
