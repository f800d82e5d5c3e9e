package gate.rules.repo.security_policy_test

import data.gate.rules.repo.security_policy as rule

test_missing if {
	{x.resource | some x in rule.deny} == {"SECURITY.md"} with input as {"security_md": null}
}

test_empty if {
	{x.msg | some x in rule.deny} == {".github/SECURITY.md is empty"} with input as {"security_md": {"path": ".github/SECURITY.md", "size": 0}}
}

test_present if {
	count(rule.deny) == 0 with input as {"security_md": {"path": "docs/security.md", "size": 120}}
}
