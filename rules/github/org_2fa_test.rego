package gate.rules.github.org_2fa_test

import rego.v1

import data.gate.lib.github_test as t
import data.gate.rules.github.org_2fa as rule

test_required_passes if {
	count(rule.deny) == 0 with input as t.doc(t.branch({}))
	count(rule.unknown) == 0 with input as t.doc(t.branch({}))
}

test_not_required_fails if {
	d := rule.deny with input as t.doc_with({"organization": {"applicable": true, "login": "acme", "two_factor_requirement_enabled": t.val(false)}})
	d == {{"resource": "acme/app", "attribute": "organization.two_factor_requirement_enabled", "msg": "organization acme does not require two-factor authentication"}}
}

test_not_visible_is_unknown if {
	i := t.doc_with({"organization": {"applicable": true, "login": "acme", "two_factor_requirement_enabled": t.unk("visible to organization owners only")}})
	count(rule.deny) == 0 with input as i
	u := rule.unknown with input as i
	u == {{"resource": "acme/app", "attribute": "organization.two_factor_requirement_enabled", "msg": "visible to organization owners only"}}
}

test_user_owned_not_applicable if {
	i := t.doc_with({"organization": {"applicable": false, "reason": "repository is owned by a user account"}})
	count(rule.deny) == 0 with input as i
	count(rule.unknown) == 0 with input as i
}

test_missing_organization_is_unknown if {
	i := object.remove(t.doc(t.branch({})), ["organization"])
	count(rule.unknown) == 1 with input as i
}
