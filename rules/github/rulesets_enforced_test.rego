package gate.rules.github.rulesets_enforced_test

import rego.v1

import data.gate.lib.github_test as t
import data.gate.rules.github.rulesets_enforced as rule

disabled := {
	"id": 738881, "name": "Protected", "label": "repository ruleset 738881 \"Protected\"",
	"enforcement": "disabled", "rules": ["deletion", "pull_request", "non_fast_forward"], "targets_branch": true,
}

test_no_inactive_rulesets_passes if {
	count(rule.deny) == 0 with input as t.doc(t.branch({}))
	count(rule.unknown) == 0 with input as t.doc(t.branch({}))
}

test_disabled_ruleset_fails if {
	d := rule.deny with input as t.doc(t.branch_with({}, {"rulesets_not_enforced": [disabled]}))
	d == {{
		"resource": "acme/app@main",
		"attribute": "rulesets_not_enforced[738881]",
		"msg": "repository ruleset 738881 \"Protected\" targets branch main but its enforcement is disabled: its rules (deletion, pull_request, non_fast_forward) do not protect the branch",
	}}
}

test_evaluate_ruleset_fails if {
	r := object.union(disabled, {"enforcement": "evaluate"})
	some f in rule.deny with input as t.doc(t.branch_with({}, {"rulesets_not_enforced": [r]}))
	contains(f.msg, "enforcement is evaluate")
}

test_unreadable_target_unknown if {
	r := object.union(disabled, {"targets_branch": null, "reason": "ruleset not readable: token lacks metadata:read"})
	i := t.doc(t.branch_with({}, {"rulesets_not_enforced": [r]}))
	count(rule.deny) == 0 with input as i
	u := rule.unknown with input as i
	count(u) == 1
	some x in u
	contains(x.msg, "token lacks metadata:read")
}

test_rulesets_not_listed_unknown if {
	i := t.doc_with({"rulesets": {"known": false, "reason": "GitHub Free private repository: protection unavailable", "value": []}})
	u := rule.unknown with input as i
	u == {{"resource": "acme/app@main", "attribute": "rulesets", "msg": "GitHub Free private repository: protection unavailable"}}
}
