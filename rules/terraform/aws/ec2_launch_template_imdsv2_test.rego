package gate.rules.terraform.aws.ec2_launch_template_imdsv2_test

import rego.v1

import data.gate.rules.terraform.aws.ec2_launch_template_imdsv2 as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "aws", "action": "create", "values": values, "refs": refs,
}

u := "<<unknown>>"

deny(resources) := r if {
	r := rule.deny with input as {"kind": "terraform", "resources": resources}
}

lt(name, values) := res("aws_launch_template", name, object.union({"image_id": "ami-12345678"}, values), {})

test_no_block_fails if {
	r := deny(["a" < {}])
	count(r) == 1
	some f in r
	f.resource == "aws_launch_template.a"
	f.attribute == "metadata_options"
}

test_optional_fails if {
	r := deny(["a" < {"metadata_options": [{"http_tokens": "optional"}]}])
	count(r) == 1
	some f in r
	f.attribute == "metadata_options[0].http_tokens"
}

test_unset_tokens_fails if {
	count(deny(["a" < {"metadata_options": [{"http_endpoint": "enabled", "http_tokens": ""}]}])) == 1
}

test_required_passes if {
	count(deny(["a" < {"metadata_options": [{"http_tokens": "required"}]}])) == 0
}

test_disabled_endpoint_passes if {
	count(deny(["a" < {"metadata_options": [{"http_endpoint": "disabled"}]}])) == 0
}

test_unknown_does_not_fire if {
	count(deny(["a" < {"metadata_options": u}])) == 0
	count(deny(["a" < {"metadata_options": [{"http_tokens": u}]}])) == 0
}

test_launch_configuration if {
	count(deny([res("aws_launch_configuration", "c", {"image_id": "ami-1", "instance_type": "t3.micro"}, {})])) == 1
	count(deny([res("aws_launch_configuration", "c", {"metadata_options": [{"http_tokens": "required"}]}, {})])) == 0
}

test_account_default if {
	d := res("aws_ec2_instance_metadata_defaults", "d", {"http_tokens": "required"}, {})
	count(deny(["a" < {}, d])) == 0
	count(deny(["a" < {"metadata_options": [{"http_tokens": "optional"}]}, d])) == 1
}
