package gate.rules.repo.secrets_inherit_test

import data.gate.rules.repo.secrets_inherit as rule

wf(jobs) := {"workflows": [{"path": "w.yml", "content": {"on": "push", "jobs": jobs}}]}

test_inherit if {
	r := rule.deny with input as wf({"call": {"uses": "./.github/workflows/x.yml", "secrets": "inherit"}})
	r == {{"resource": "w.yml", "attribute": "jobs.call.secrets", "msg": "job call passes every secret to ./.github/workflows/x.yml (secrets: inherit)"}}
}

test_named_secrets_pass if {
	count(rule.deny) == 0 with input as wf({"call": {"uses": "./x.yml", "secrets": {"TOKEN": "${{ secrets.TOKEN }}"}}})
}
