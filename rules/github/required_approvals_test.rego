package gate.rules.github.required_approvals_test

import rego.v1

import data.gate.lib.github_test as t
import data.gate.rules.github.required_approvals as rule

test_default_one_passes_with_one if {
	b := t.branch({"required_approvals": t.val(1)})
	count(rule.deny) == 0 with input as t.doc(b)
	count(rule.unknown) == 0 with input as t.doc(b)
}

test_zero_fails if {
	d := rule.deny with input as t.doc(t.branch({"required_approvals": t.val(0)}))
	count(d) == 1
	some f in d
	f.attribute == "protection.required_approvals"
	contains(f.msg, "requires 0 approving review(s), fewer than 1")
}

test_param_raises_threshold if {
	b := t.branch({"required_approvals": t.val(1)})
	d := rule.deny with input as t.doc(b)
		with data.gate_config.params as {"GATE-GH-003": {"required_approvals": 2}}
	count(d) == 1
	d2 := rule.deny with input as t.doc(t.branch({"required_approvals": t.val(2)}))
		with data.gate_config.params as {"GATE-GH-003": {"required_approvals": 2}}
	count(d2) == 0
}

test_unknown_without_readable_sources if {
	b := t.branch({"required_approvals": {"known": false, "reason": "token lacks administration:read", "at_least": 0}})
	count(rule.deny) == 0 with input as t.doc(b)
	u := rule.unknown with input as t.doc(b)
	u == {{"resource": "acme/app@main", "attribute": "protection.required_approvals", "msg": "token lacks administration:read"}}
}

test_partial_sources_already_enough_pass if {
	b := t.branch({"required_approvals": {"known": false, "reason": "token lacks administration:read", "at_least": 2}})
	count(rule.unknown) == 0 with input as t.doc(b)
	count(rule.deny) == 0 with input as t.doc(b)
}

test_partial_sources_not_enough_unknown if {
	b := t.branch({"required_approvals": {"known": false, "reason": "token lacks administration:read", "at_least": 1}})
	count(rule.unknown) == 1 with input as t.doc(b)
		with data.gate_config.params as {"GATE-GH-003": {"required_approvals": 2}}
}

test_non_number_value_is_unknown if {
	b := t.branch({"required_approvals": t.val("two")})
	count(rule.deny) == 0 with input as t.doc(b)
	count(rule.unknown) == 1 with input as t.doc(b)
}
