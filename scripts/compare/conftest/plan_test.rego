# Tests of the plan adapter: `conftest verify -p scripts/compare/conftest`
# (scripts/compare.sh runs them before it compares anything).
package gate.compare.plan_test

import rego.v1

import data.gate.compare.plan

fixture := {
	"format_version": "1.2",
	"terraform_version": "1.9.8",
	"resource_changes": [
		{
			"address": "module.m1.aws_s3_bucket_versioning.v[\"a.b\"]",
			"module_address": "module.m1",
			"mode": "managed", "type": "aws_s3_bucket_versioning", "name": "v", "index": "a.b",
			"provider_name": "registry.terraform.io/hashicorp/aws",
			"change": {
				"actions": ["create"],
				"after": {"versioning_configuration": [{"status": "Enabled", "mfa_delete": null}], "tags": {"a": "1"}},
				"after_unknown": {"id": true, "bucket": true, "versioning_configuration": [{"mfa_delete": true}]},
				"after_sensitive": {"tags": {"a": true}},
			},
		},
		{
			"address": "aws_kms_key.k[0]", "mode": "managed", "type": "aws_kms_key", "name": "k", "index": 0,
			"provider_name": "registry.terraform.io/hashicorp/aws",
			"change": {"actions": ["delete", "create"], "after": {"enable_key_rotation": false}, "after_unknown": {}},
		},
		{
			"address": "aws_kms_key.gone", "mode": "managed", "type": "aws_kms_key", "name": "gone",
			"change": {"actions": ["delete"], "after": null},
		},
		{
			"address": "aws_kms_key.old", "mode": "managed", "type": "aws_kms_key", "name": "old", "deposed": "00aa",
			"change": {"actions": ["delete"], "after": null},
		},
	],
	"planned_values": {"root_module": {"child_modules": [{"resources": [{
		"address": "module.m1.data.aws_iam_policy_document.p", "mode": "data",
		"type": "aws_iam_policy_document", "name": "p",
		"provider_name": "registry.terraform.io/hashicorp/aws",
		"values": {"json": "{}"},
	}]}]}},
	"configuration": {"root_module": {
		"resources": [{"address": "aws_kms_key.k", "expressions": {"description": {"references": ["local.d"]}}}],
		"module_calls": {"m1": {
			"expressions": {"bucket_id": {"references": ["aws_s3_bucket.b.id", "aws_s3_bucket.b"]}},
			"module": {"resources": [{
				"address": "aws_s3_bucket_versioning.v",
				"expressions": {
					"bucket": {"references": ["var.bucket_id"]},
					"versioning_configuration": [{"status": {"references": ["data.aws_iam_policy_document.p.json", "data.aws_iam_policy_document.p"]}}],
				},
			}]},
		}},
	}},
}

by_address(addr) := r if {
	some r in plan.document.resources with input as fixture
	r.address == addr
}

test_values_overlay_unknown_and_sensitive if {
	r := by_address("module.m1.aws_s3_bucket_versioning.v[\"a.b\"]")
	r.values == {
		"id": "<<unknown>>",
		"bucket": "<<unknown>>",
		"versioning_configuration": [{"status": "Enabled", "mfa_delete": "<<unknown>>"}],
		"tags": {"a": "<<sensitive>>"},
	}
}

test_addresses_and_module if {
	r := by_address("module.m1.aws_s3_bucket_versioning.v[\"a.b\"]")
	r.config_address == "module.m1.aws_s3_bucket_versioning.v"
	r.module == "module.m1"
	r.index == "a.b"
	r.provider == "aws"
	r.action == "create"
}

test_refs_through_module_inputs_and_nested_blocks if {
	r := by_address("module.m1.aws_s3_bucket_versioning.v[\"a.b\"]")
	r.refs == {
		"bucket": ["aws_s3_bucket.b"],
		"versioning_configuration.status": ["module.m1.data.aws_iam_policy_document.p"],
	}
}

test_replace_and_no_refs if {
	r := by_address("aws_kms_key.k[0]")
	r.action == "replace"
	r.index == 0
	r.refs == {}
}

test_deleted_and_deposed_left_out if {
	addrs := {r.address | some r in plan.document.resources with input as fixture}
	not "aws_kms_key.gone" in addrs
	not "aws_kms_key.old" in addrs
	count(addrs) == 3
}

test_data_source_from_planned_values if {
	r := by_address("module.m1.data.aws_iam_policy_document.p")
	r.mode == "data"
	r.module == "module.m1"
	r.action == "read"
	r.values == {"json": "{}"}
}
