package gate.rules.terraform.aws.ec2_instance_imdsv2_test

import rego.v1

import data.gate.rules.terraform.aws.ec2_instance_imdsv2 as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "aws", "action": "create", "values": values, "refs": refs,
}

u := "<<unknown>>"

deny(resources) := r if {
	r := rule.deny with input as {"kind": "terraform", "resources": resources}
}

inst(name, values) := res("aws_instance", name, object.union({"ami": "ami-12345678", "instance_type": "t3.micro"}, values), {})

test_no_block_fails if {
	r := deny([inst("a", {})])
	count(r) == 1
	some f in r
	f.resource == "aws_instance.a"
	f.attribute == "metadata_options"
}

test_optional_fails if {
	r := deny([inst("a", {"metadata_options": [{"http_endpoint": "enabled", "http_tokens": "optional"}]})])
	count(r) == 1
	some f in r
	f.attribute == "metadata_options[0].http_tokens"
}

test_block_without_tokens_fails if {
	count(deny([inst("a", {"metadata_options": [{"http_put_response_hop_limit": 1}]})])) == 1
}

test_required_passes if {
	count(deny([inst("a", {"metadata_options": [{"http_tokens": "required"}]})])) == 0
}

test_disabled_endpoint_passes if {
	count(deny([inst("a", {"metadata_options": [{"http_endpoint": "disabled", "http_tokens": "optional"}]})])) == 0
}

test_unknown_does_not_fire if {
	count(deny([inst("a", {"metadata_options": u})])) == 0
	count(deny([inst("a", {"metadata_options": [{"http_tokens": u}]})])) == 0
	count(deny([inst("a", {"metadata_options": [{"http_tokens": "optional", "http_endpoint": u}]})])) == 0
}

test_launch_template_decides if {
	count(deny([inst("a", {"launch_template": [{"id": u, "version": "$Latest"}]})])) == 0
	count(deny([inst("a", {"launch_template": [{"id": u}], "metadata_options": [{"http_tokens": "optional"}]})])) == 1
	count(deny([inst("a", {"launch_template": [{"id": u}], "metadata_options": [{"http_put_response_hop_limit": 2}]})])) == 0
}

test_account_default if {
	d := res("aws_ec2_instance_metadata_defaults", "d", {"http_tokens": "required"}, {})
	count(deny([inst("a", {}), d])) == 0
	count(deny([inst("a", {"metadata_options": [{"http_put_response_hop_limit": 2}]}), d])) == 0
	count(deny([inst("a", {"metadata_options": [{"http_tokens": "optional"}]}), d])) == 1
	d2 := res("aws_ec2_instance_metadata_defaults", "d", {"http_tokens": "no-preference"}, {})
	count(deny([inst("a", {}), d2])) == 1
}

test_data_source_ignored if {
	count(deny([object.union(inst("a", {}), {"mode": "data"})])) == 0
}
