package gate.rules.repo.codeowners_coverage_test

import data.gate.rules.repo.codeowners_coverage as rule

co(coverage) := {"codeowners": {"path": "CODEOWNERS", "rules": [], "errors": [], "coverage": coverage}}

attrs(r) := {[x.attribute, x.msg] | some x in r}

test_unowned_paths if {
	r := rule.deny with input as co([
		{"path": ".github/workflows/ci.yml", "kind": "workflow", "owners": [], "rule": 2, "line": 9},
		{"path": "CODEOWNERS", "kind": "codeowners", "owners": [], "rule": -1, "line": 0},
		{"path": "infra/a.tf", "kind": "terraform", "directory": "/infra", "owners": [], "rule": -1, "line": 0},
		{"path": "infra/b.tf", "kind": "terraform", "directory": "/infra", "owners": [], "rule": -1, "line": 0},
	])
	attrs(r) == {
		["rules[2]", "workflow .github/workflows/ci.yml has no code owner: the rule at line 9 has no owners"],
		["", "the CODEOWNERS file CODEOWNERS has no code owner: no rule matches it"],
		["", "Terraform directory /infra has files without a code owner: no rule matches it"],
	}
}

test_owned_and_ignored_pass if {
	count(rule.deny) == 0 with input as co([
		{"path": ".github/workflows/ci.yml", "kind": "workflow", "owners": ["@a"], "rule": 0, "line": 1},
		{"path": "fixtures/x/a.tf", "kind": "terraform", "directory": "/fixtures/x", "owners": [], "rule": -1, "line": 0},
		{"path": "a/testdata/a.tf", "kind": "terraform", "directory": "/a/testdata", "owners": [], "rule": -1, "line": 0},
	])
}

test_ignore_param if {
	r := rule.deny with input as co([{"path": "fixtures/a.tf", "kind": "terraform", "directory": "/fixtures", "owners": [], "rule": -1, "line": 0}])
		with data.gate_config.params as {"GATE-REPO-012": {"ignore_directories": []}}
	count(r) == 1
}

test_unreadable_file_skipped if {
	count(rule.deny) == 0 with input as {"codeowners": {"path": "CODEOWNERS", "error": "binary", "rules": [], "errors": [], "coverage": [{"path": "x", "kind": "workflow", "owners": [], "rule": -1, "line": 0}]}}
}
