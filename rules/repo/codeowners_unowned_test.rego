package gate.rules.repo.codeowners_unowned_test

import data.gate.rules.repo.codeowners_unowned as rule

co(rules) := {"codeowners": {"path": "CODEOWNERS", "rules": rules, "errors": []}}

test_ownerless_after_catch_all if {
	r := rule.deny with input as co([
		{"pattern": "/early/", "owners": [], "line": 1},
		{"pattern": "*", "owners": ["@a"], "line": 2},
		{"pattern": "/gen/", "owners": [], "line": 3},
		{"pattern": "*", "owners": ["@b"], "line": 4},
	])
	r == {{"resource": "CODEOWNERS", "attribute": "rules[2]", "msg": "/gen/ has no owners: it removes the owners the catch-all at line 2 gives those paths"}}
}

test_no_catch_all_or_owned if {
	count(rule.deny) == 0 with input as co([{"pattern": "/a/", "owners": ["@a"], "line": 1}, {"pattern": "/b/", "owners": [], "line": 2}])
	count(rule.deny) == 0 with input as co([{"pattern": "*", "owners": ["@a"], "line": 1}, {"pattern": "/b/", "owners": ["@b"], "line": 2}])
}
