package gate.rules.repo.permissions_write_all_test

import data.gate.rules.repo.permissions_write_all as rule

wf(content) := {"workflows": [{"path": "w.yml", "content": content}]}

test_top_level_write_all if {
	r := rule.deny with input as wf({"on": "push", "permissions": "write-all", "jobs": {}})
	{x.attribute | some x in r} == {"permissions"}
}

test_job_write_all if {
	r := rule.deny with input as wf({"on": "push", "permissions": {}, "jobs": {"rel": {"permissions": "Write-All"}}})
	{x.attribute | some x in r} == {"jobs.rel.permissions"}
}

test_read_all_and_scopes_pass if {
	count(rule.deny) == 0 with input as wf({"permissions": "read-all", "jobs": {"a": {"permissions": {"contents": "write"}}, "b": {}}})
}
