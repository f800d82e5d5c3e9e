package gate.rules.github.code_owner_review_test

import rego.v1

import data.gate.lib.github_test as t
import data.gate.rules.github.code_owner_review as rule

test_required_passes if {
	count(rule.deny) == 0 with input as t.doc(t.branch({}))
	count(rule.unknown) == 0 with input as t.doc(t.branch({}))
}

test_codeowners_without_requirement_fails if {
	d := rule.deny with input as t.doc(t.branch({"require_code_owner_reviews": t.off}))
	count(d) == 1
	some f in d
	f.attribute == "protection.require_code_owner_reviews"
	contains(f.msg, "has a CODEOWNERS file")
}

test_no_codeowners_passes if {
	b := t.branch_with({"require_code_owner_reviews": t.off}, {"codeowners_file": t.val(false)})
	count(rule.deny) == 0 with input as t.doc(b)
	count(rule.unknown) == 0 with input as t.doc(b)
}

test_requirement_unknown if {
	b := t.branch({"require_code_owner_reviews": t.unk("token lacks administration:read")})
	count(rule.deny) == 0 with input as t.doc(b)
	u := rule.unknown with input as t.doc(b)
	u == {{"resource": "acme/app@main", "attribute": "protection.require_code_owner_reviews", "msg": "token lacks administration:read"}}
}

test_codeowners_unknown if {
	b := t.branch_with({"require_code_owner_reviews": t.off}, {"codeowners_file": t.unk("token lacks contents:read")})
	count(rule.deny) == 0 with input as t.doc(b)
	u := rule.unknown with input as t.doc(b)
	u == {{"resource": "acme/app@main", "attribute": "codeowners_file", "msg": "token lacks contents:read"}}
}

test_codeowners_unknown_but_required_passes if {
	b := t.branch_with({}, {"codeowners_file": t.unk("token lacks contents:read")})
	count(rule.unknown) == 0 with input as t.doc(b)
}
