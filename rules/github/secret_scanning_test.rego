package gate.rules.github.secret_scanning_test

import rego.v1

import data.gate.lib.github_test as t
import data.gate.rules.github.secret_scanning as rule

with_sa(sa) := t.doc_with({"repository": {"security_and_analysis": sa}})

test_enabled_passes if {
	count(rule.deny) == 0 with input as t.doc(t.branch({}))
	count(rule.unknown) == 0 with input as t.doc(t.branch({}))
}

test_push_protection_off_fails if {
	d := rule.deny with input as with_sa({"secret_scanning": t.val(true), "secret_scanning_push_protection": t.val(false)})
	d == {{"resource": "acme/app", "attribute": "security_and_analysis.secret_scanning_push_protection", "msg": "secret scanning push protection is disabled on acme/app"}}
}

test_both_off_fail if {
	count(rule.deny) == 2 with input as with_sa({"secret_scanning": t.val(false), "secret_scanning_push_protection": t.val(false)})
}

test_not_returned_is_unknown if {
	r := "security_and_analysis not returned: needs a repository admin or security manager token (administration:read)"
	i := with_sa({"secret_scanning": t.unk(r), "secret_scanning_push_protection": t.unk(r)})
	count(rule.deny) == 0 with input as i
	u := rule.unknown with input as i
	count(u) == 2
	every x in u { x.msg == r }
}

test_missing_section_is_unknown if {
	i := object.remove(t.doc(t.branch({})), ["repository"])
	count(rule.unknown) == 2 with input as i
}
