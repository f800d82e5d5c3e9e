package gate.rules.github.linear_history_test

import rego.v1

import data.gate.lib.github_test as t
import data.gate.rules.github.linear_history as rule

on_params := {"GATE-GH-016": {"required": true}}

test_required_passes if {
	count(rule.deny) == 0 with input as t.doc(t.branch({})) with data.gate_config.params as on_params
	count(rule.unknown) == 0 with input as t.doc(t.branch({})) with data.gate_config.params as on_params
}

test_not_required_fails_when_enabled if {
	d := rule.deny with input as t.doc(t.branch({"required_linear_history": t.off})) with data.gate_config.params as on_params
	count(d) == 1
	some f in d
	f.attribute == "protection.required_linear_history"
}

test_off_by_default if {
	count(rule.deny) == 0 with input as t.doc(t.branch({"required_linear_history": t.off}))
	count(rule.unknown) == 0 with input as t.doc(t.branch({"required_linear_history": t.unk("token lacks administration:read")}))
}

test_unknown_when_enabled if {
	b := t.branch({"required_linear_history": t.unk("token lacks administration:read")})
	u := rule.unknown with input as t.doc(b) with data.gate_config.params as on_params
	u == {{"resource": "acme/app@main", "attribute": "protection.required_linear_history", "msg": "token lacks administration:read"}}
}
