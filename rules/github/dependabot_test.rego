package gate.rules.github.dependabot_test

import rego.v1

import data.gate.lib.github_test as t
import data.gate.rules.github.dependabot as rule

test_enabled_passes if {
	count(rule.deny) == 0 with input as t.doc(t.branch({}))
	count(rule.unknown) == 0 with input as t.doc(t.branch({}))
}

test_updates_off_fails if {
	i := t.doc_with({"repository": {"security_and_analysis": {"dependabot_security_updates": t.val(false)}}})
	d := rule.deny with input as i
	d == {{"resource": "acme/app", "attribute": "security_and_analysis.dependabot_security_updates", "msg": "Dependabot security updates are disabled on acme/app"}}
}

test_alerts_off_fails if {
	i := t.doc_with({"repository": {"vulnerability_alerts": t.val(false)}})
	d := rule.deny with input as i
	{f.attribute | some f in d} == {"vulnerability_alerts"}
}

test_unknown_reported if {
	i := t.doc_with({"repository": {
		"vulnerability_alerts": t.unk("token lacks administration:read"),
		"security_and_analysis": {"dependabot_security_updates": t.unk("security_and_analysis not returned")},
	}})
	count(rule.deny) == 0 with input as i
	u := rule.unknown with input as i
	u == {
		{"resource": "acme/app", "attribute": "vulnerability_alerts", "msg": "token lacks administration:read"},
		{"resource": "acme/app", "attribute": "security_and_analysis.dependabot_security_updates", "msg": "security_and_analysis not returned"},
	}
}
