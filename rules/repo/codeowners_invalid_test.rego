package gate.rules.repo.codeowners_invalid_test

import data.gate.rules.repo.codeowners_invalid as rule

test_bad_lines if {
	r := rule.deny with input as {"codeowners": {"path": ".github/CODEOWNERS", "rules": [], "errors": [
		{"line": 3, "message": "pattern \"!x\": negation (!) is not supported in CODEOWNERS", "text": "!x @a"},
		{"line": 7, "message": "invalid owner \"bob\"", "text": "/x bob"},
	]}}
	r == {
		{"resource": ".github/CODEOWNERS", "attribute": "errors[0]", "msg": "line 3 is skipped by GitHub: pattern \"!x\": negation (!) is not supported in CODEOWNERS"},
		{"resource": ".github/CODEOWNERS", "attribute": "errors[1]", "msg": "line 7 is skipped by GitHub: invalid owner \"bob\""},
	}
}

test_clean_or_missing if {
	count(rule.deny) == 0 with input as {"codeowners": {"path": "CODEOWNERS", "rules": [], "errors": []}}
	count(rule.deny) == 0 with input as {"codeowners": null}
}
