package gate.rules.terraform.aws.backup_plan_retention_test

import rego.v1

import data.gate.rules.terraform.aws.backup_plan_retention as rule

plan(name, rules) := {
	"address": sprintf("aws_backup_plan.%s", [name]),
	"config_address": sprintf("aws_backup_plan.%s", [name]),
	"module": "", "mode": "managed", "type": "aws_backup_plan", "name": name,
	"index": null, "provider": "aws", "action": "create", "values": {"name": name, "rule": rules}, "refs": {},
}

doc(rs) := {"kind": "terraform", "resources": rs}

rule_with(days) := {"rule_name": "r", "target_vault_name": "<<unknown>>", "schedule": "cron(0 3 * * ? *)", "lifecycle": [{"delete_after": days}]}

test_short_retention_fails if {
	r := rule.deny with input as doc([plan("a", [rule_with(7)])])
	count(r) == 1
	some f in r
	f.resource == "aws_backup_plan.a"
	f.attribute == "rule"
	contains(f.msg, "at most 7 days")
}

test_all_rules_short_fails if {
	r := rule.deny with input as doc([plan("a", [rule_with(1), rule_with("14")])])
	count(r) == 1
	some f in r
	contains(f.msg, "at most 14 days")
}

test_one_long_rule_passes if {
	r := rule.deny with input as doc([plan("a", [rule_with(2), rule_with(35)])])
	count(r) == 0
}

test_no_lifecycle_keeps_forever_passes if {
	r := rule.deny with input as doc([plan("a", [{"rule_name": "r", "target_vault_name": "v"}])])
	count(r) == 0
}

test_lifecycle_without_delete_passes if {
	r := rule.deny with input as doc([plan("a", [{"rule_name": "r", "lifecycle": [{"cold_storage_after": 30}]}])])
	count(r) == 0
}

test_long_copy_passes if {
	rr := object.union(rule_with(7), {"copy_action": [{"destination_vault_arn": "<<unknown>>", "lifecycle": [{"delete_after": 365}]}]})
	r := rule.deny with input as doc([plan("a", [rr])])
	count(r) == 0
}

test_copy_without_lifecycle_passes if {
	rr := object.union(rule_with(7), {"copy_action": [{"destination_vault_arn": "<<unknown>>"}]})
	r := rule.deny with input as doc([plan("a", [rr])])
	count(r) == 0
}

test_null_copy_actions_fail if {
	rr := object.union(rule_with(7), {"copy_action": null})
	r := rule.deny with input as doc([plan("a", [rr])])
	count(r) == 1
}

test_dynamic_copy_action_passes if {
	rr := object.union(rule_with(7), {"copy_action": ["<<unknown>>"]})
	r := rule.deny with input as doc([plan("a", [rr])])
	count(r) == 0
}

test_unknown_copy_actions_pass if {
	rr := object.union(rule_with(7), {"copy_action": "<<unknown>>"})
	r := rule.deny with input as doc([plan("a", [rr])])
	count(r) == 0
}

test_short_copy_fails if {
	rr := object.union(rule_with(7), {"copy_action": [{"destination_vault_arn": "<<unknown>>", "lifecycle": [{"delete_after": 14}]}]})
	r := rule.deny with input as doc([plan("a", [rr])])
	count(r) == 1
	some f in r
	contains(f.msg, "at most 14 days")
}

test_unknown_passes if {
	r := rule.deny with input as doc([plan("a", [rule_with("<<unknown>>")])])
	count(r) == 0
}

test_unknown_rules_pass if {
	r := rule.deny with input as doc([plan("a", "<<unknown>>")])
	count(r) == 0
}

test_null_rules_pass if {
	r := rule.deny with input as doc([plan("a", null)])
	count(r) == 0
}

test_dynamic_rule_passes if {
	r := rule.deny with input as doc([plan("a", [rule_with(7), "<<unknown>>"])])
	count(r) == 0
}

test_param_raises_threshold if {
	r := rule.deny with input as doc([plan("a", [rule_with(35)])])
		with data.gate_config.params as {"GATE-AWS-BAK-001": {"min_retention_days": 90}}
	count(r) == 1
}

test_data_source_ignored if {
	d := object.union(plan("a", [rule_with(1)]), {"mode": "data"})
	r := rule.deny with input as doc([d])
	count(r) == 0
}
