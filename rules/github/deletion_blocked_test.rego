package gate.rules.github.deletion_blocked_test

import rego.v1

import data.gate.lib.github_test as t
import data.gate.rules.github.deletion_blocked as rule

test_required_passes if {
	count(rule.deny) == 0 with input as t.doc(t.branch({}))
	count(rule.unknown) == 0 with input as t.doc(t.branch({}))
}

test_required_by_ruleset_passes if {
	b := t.branch({"deletions_blocked": t.on("org ruleset 1234 \"main-protection\"")})
	count(rule.deny) == 0 with input as t.doc(b)
}

test_not_required_fails if {
	d := rule.deny with input as t.doc(t.branch({"deletions_blocked": t.off}))
	count(d) == 1
	some f in d
	f.resource == "acme/app@main"
	f.attribute == "protection.deletions_blocked"
	contains(f.msg, "neither classic branch protection nor an active ruleset sets it")
}

test_unknown_is_reported if {
	b := t.branch({"deletions_blocked": t.unk("token lacks administration:read")})
	count(rule.deny) == 0 with input as t.doc(b)
	u := rule.unknown with input as t.doc(b)
	u == {{"resource": "acme/app@main", "attribute": "protection.deletions_blocked", "msg": "token lacks administration:read"}}
}

test_missing_field_is_unknown if {
	b := object.union(object.remove(t.branch({}), ["protection"]), {"protection": {}})
	count(rule.unknown) == 1 with input as t.doc(b)
}

test_every_branch_is_checked if {
	dev := t.branch_with({"deletions_blocked": t.off}, {"name": "dev", "resource": "acme/app@dev", "default": false})
	d := rule.deny with input as t.doc_with({"branches": [t.branch({}), dev]})
	{f.resource | some f in d} == {"acme/app@dev"}
}
