package gate.rules.github.branch_protected_test

import rego.v1

import data.gate.lib.github_test as t
import data.gate.rules.github.branch_protected as rule

test_protected_passes if {
	count(rule.deny) == 0 with input as t.doc(t.branch({}))
	count(rule.unknown) == 0 with input as t.doc(t.branch({}))
}

test_unprotected_fails if {
	d := rule.deny with input as t.doc(t.branch({"protected": t.off}))
	count(d) == 1
	some f in d
	f.resource == "acme/app@main"
	f.attribute == "protection.protected"
}

test_unprotected_names_disabled_ruleset if {
	b := t.branch_with({"protected": t.off}, {"rulesets_not_enforced": [{"label": "repository ruleset 7 \"Protected\"", "enforcement": "disabled", "targets_branch": true}]})
	some f in rule.deny with input as t.doc(b)
	contains(f.msg, "repository ruleset 7 \"Protected\" is disabled")
}

test_unknown_reports_reason if {
	b := t.branch({"protected": t.unk("GitHub Free private repository: protection unavailable")})
	count(rule.deny) == 0 with input as t.doc(b)
	u := rule.unknown with input as t.doc(b)
	u == {{"resource": "acme/app@main", "attribute": "protection.protected", "msg": "GitHub Free private repository: protection unavailable"}}
}

test_missing_field_is_unknown if {
	b := object.remove(t.branch({}), ["protection"])
	count(rule.unknown) == 1 with input as t.doc(b)
}

test_no_branches_is_unknown if {
	u := rule.unknown with input as t.doc_with({"branches": []})
	count(u) == 1
}
