package gate.rules.terraform.aws.cloudfront_origin_ssl_test

import rego.v1

import data.gate.rules.terraform.aws.cloudfront_origin_ssl as rule

dist(name, origins) := {
	"address": sprintf("aws_cloudfront_distribution.%s", [name]),
	"config_address": sprintf("aws_cloudfront_distribution.%s", [name]),
	"module": "", "mode": "managed", "type": "aws_cloudfront_distribution", "name": name,
	"index": null, "provider": "aws", "action": "create", "values": {"origin": origins}, "refs": {},
}

doc(rs) := {"kind": "terraform", "resources": rs}

custom(id, protocols) := {"origin_id": id, "domain_name": "app.example.com", "custom_origin_config": [{
	"http_port": 80, "https_port": 443, "origin_protocol_policy": "https-only",
	"origin_ssl_protocols": protocols,
}]}

test_sslv3_fails if {
	r := rule.deny with input as doc([dist("a", [custom("app", ["SSLv3", "TLSv1.2"])])])
	count(r) == 1
	some f in r
	f.resource == "aws_cloudfront_distribution.a"
	f.attribute == "origin[0].custom_origin_config[0].origin_ssl_protocols"
}

test_second_origin_sslv3_fails if {
	r := rule.deny with input as doc([dist("a", [custom("ok", ["TLSv1.2"]), custom("old", ["SSLv3"])])])
	count(r) == 1
	some f in r
	f.attribute == "origin[1].custom_origin_config[0].origin_ssl_protocols"
}

test_tls12_passes if {
	r := rule.deny with input as doc([dist("a", [custom("app", ["TLSv1.2"])])])
	count(r) == 0
}

test_s3_origin_passes if {
	r := rule.deny with input as doc([dist("a", [{"origin_id": "s3", "domain_name": "b.s3.amazonaws.com", "s3_origin_config": [{"origin_access_identity": ""}]}])])
	count(r) == 0
}

test_unknown_passes if {
	r := rule.deny with input as doc([dist("a", [custom("app", "<<unknown>>")])])
	count(r) == 0
}

test_data_source_ignored if {
	d := object.union(dist("a", [custom("app", ["SSLv3"])]), {"mode": "data"})
	r := rule.deny with input as doc([d])
	count(r) == 0
}
