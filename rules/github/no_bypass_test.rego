package gate.rules.github.no_bypass_test

import rego.v1

import data.gate.lib.github_test as t
import data.gate.rules.github.no_bypass as rule

admins := {"actor": "repository administrators", "actor_type": "RepositoryRole", "mode": "always", "source": "classic branch protection"}

org_admins_pr := {"actor": "organization admins", "actor_type": "OrganizationAdmin", "mode": "pull_request", "source": "org ruleset 1234 \"main-protection\""}

test_no_actors_passes if {
	count(rule.deny) == 0 with input as t.doc(t.branch({}))
	count(rule.unknown) == 0 with input as t.doc(t.branch({}))
}

test_pull_request_only_bypass_passes if {
	b := t.branch_with({}, {"bypass": {"known": true, "actors": [org_admins_pr]}})
	count(rule.deny) == 0 with input as t.doc(b)
}

test_always_bypass_fails if {
	b := t.branch_with({}, {"bypass": {"known": true, "actors": [admins, org_admins_pr]}})
	d := rule.deny with input as t.doc(b)
	count(d) == 1
	some f in d
	f.attribute == "bypass"
	contains(f.msg, "repository administrators via classic branch protection")
	not contains(f.msg, "organization admins")
}

test_unknown_bypass if {
	b := t.branch_with({}, {"bypass": {"known": false, "reason": "token lacks administration:read", "actors": []}})
	count(rule.deny) == 0 with input as t.doc(b)
	u := rule.unknown with input as t.doc(b)
	u == {{"resource": "acme/app@main", "attribute": "bypass", "msg": "token lacks administration:read"}}
}

test_fail_wins_over_unknown if {
	b := t.branch_with({}, {"bypass": {"known": false, "reason": "bypass actors of org ruleset 1: not returned", "actors": [admins]}})
	count(rule.deny) == 1 with input as t.doc(b)
	count(rule.unknown) == 0 with input as t.doc(b)
}

test_missing_bypass_is_unknown if {
	b := object.remove(t.branch({}), ["bypass"])
	count(rule.unknown) == 1 with input as t.doc(b)
}
