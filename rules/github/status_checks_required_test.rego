package gate.rules.github.status_checks_required_test

import rego.v1

import data.gate.lib.github_test as t
import data.gate.rules.github.status_checks_required as rule

strict_params := {"GATE-GH-010": {"require_strict": true, "required_checks": ["gate"]}}

test_checks_present_passes if {
	count(rule.deny) == 0 with input as t.doc(t.branch({}))
	count(rule.unknown) == 0 with input as t.doc(t.branch({}))
	count(rule.deny) == 0 with input as t.doc(t.branch({})) with data.gate_config.params as strict_params
}

test_no_checks_fails if {
	d := rule.deny with input as t.doc(t.branch({"required_status_checks": t.val([])}))
	count(d) == 1
	some f in d
	f.attribute == "protection.required_status_checks"
	contains(f.msg, "requires no status checks")
}

test_missing_gate_check_fails if {
	b := t.branch({"required_status_checks": t.val(["build"])})
	count(rule.deny) == 0 with input as t.doc(b)
	d := rule.deny with input as t.doc(b) with data.gate_config.params as strict_params
	count(d) == 1
	some f in d
	contains(f.msg, "does not require check(s) gate")
}

test_strict_optional_by_default if {
	b := t.branch({"strict_status_checks": t.off})
	count(rule.deny) == 0 with input as t.doc(b)
	d := rule.deny with input as t.doc(b) with data.gate_config.params as strict_params
	{f.attribute | some f in d} == {"protection.strict_status_checks"}
}

test_unknown_checks if {
	b := t.branch({"required_status_checks": {"known": false, "reason": "token lacks administration:read", "at_least": []}})
	count(rule.deny) == 0 with input as t.doc(b)
	u := rule.unknown with input as t.doc(b)
	u == {{"resource": "acme/app@main", "attribute": "protection.required_status_checks", "msg": "token lacks administration:read"}}
}

test_partial_checks_suffice if {
	b := t.branch({"required_status_checks": {"known": false, "reason": "token lacks administration:read", "at_least": ["gate"]}})
	count(rule.unknown) == 0 with input as t.doc(b) with data.gate_config.params as strict_params
	count(rule.deny) == 0 with input as t.doc(b) with data.gate_config.params as strict_params
}

test_partial_checks_missing_gate_unknown if {
	b := t.branch({"required_status_checks": {"known": false, "reason": "token lacks administration:read", "at_least": ["build"]}})
	count(rule.unknown) == 1 with input as t.doc(b) with data.gate_config.params as strict_params
}

test_unknown_strict_only_when_required if {
	b := t.branch({"strict_status_checks": t.unk("token lacks administration:read")})
	count(rule.unknown) == 0 with input as t.doc(b)
	count(rule.unknown) == 1 with input as t.doc(b) with data.gate_config.params as strict_params
}
