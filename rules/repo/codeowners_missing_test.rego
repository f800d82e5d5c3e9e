package gate.rules.repo.codeowners_missing_test

import data.gate.rules.repo.codeowners_missing as rule

test_missing if {
	r := rule.deny with input as {"codeowners": null}
	{x.resource | some x in r} == {".github/CODEOWNERS"}
}

test_present if {
	count(rule.deny) == 0 with input as {"codeowners": {"path": "CODEOWNERS", "rules": [], "errors": [], "coverage": []}}
}
