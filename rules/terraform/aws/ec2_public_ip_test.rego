package gate.rules.terraform.aws.ec2_public_ip_test

import rego.v1

import data.gate.rules.terraform.aws.ec2_public_ip as rule

res(t, name, values, refs) := {
	"address": sprintf("%s.%s", [t, name]), "config_address": sprintf("%s.%s", [t, name]),
	"module": "", "mode": "managed", "type": t, "name": name, "index": null,
	"provider": "aws", "action": "create", "values": values, "refs": refs,
}

u := "<<unknown>>"

deny(resources) := r if {
	r := rule.deny with input as {"kind": "terraform", "resources": resources}
}

test_instance_public_ip_fails if {
	r := deny([res("aws_instance", "a", {"associate_public_ip_address": true}, {})])
	count(r) == 1
	some f in r
	f.resource == "aws_instance.a"
	f.attribute == "associate_public_ip_address"
}

test_instance_without_public_ip_passes if {
	count(deny([res("aws_instance", "a", {"associate_public_ip_address": false}, {})])) == 0
	count(deny([res("aws_instance", "a", {}, {})])) == 0
}

test_unknown_does_not_fire if {
	count(deny([res("aws_instance", "a", {"associate_public_ip_address": u}, {})])) == 0
	count(deny([res("aws_launch_template", "a", {"network_interfaces": u}, {})])) == 0
}

test_launch_template if {
	r := deny([res("aws_launch_template", "a", {"network_interfaces": [{"device_index": 0, "associate_public_ip_address": "true"}]}, {})])
	count(r) == 1
	some f in r
	f.attribute == "network_interfaces[0].associate_public_ip_address"
	count(deny([res("aws_launch_template", "a", {"network_interfaces": [{"associate_public_ip_address": "false"}]}, {})])) == 0
	count(deny([res("aws_launch_template", "a", {"network_interfaces": [{"associate_public_ip_address": ""}]}, {})])) == 0
}

test_launch_configuration if {
	count(deny([res("aws_launch_configuration", "a", {"associate_public_ip_address": true}, {})])) == 1
}
