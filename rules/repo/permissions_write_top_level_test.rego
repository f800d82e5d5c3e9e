package gate.rules.repo.permissions_write_top_level_test

import data.gate.rules.repo.permissions_write_top_level as rule

wf(content) := {"workflows": [{"path": "w.yml", "content": content}]}

test_write_scopes_at_top_level if {
	r := rule.deny with input as wf({"permissions": {"contents": "write", "id-token": "write", "issues": "read", "packages": "none"}})
	{x.attribute | some x in r} == {"permissions.contents", "permissions.id-token"}
}

test_write_scopes_in_jobs_pass if {
	count(rule.deny) == 0 with input as wf({"permissions": {"contents": "read"}, "jobs": {"a": {"permissions": {"contents": "write"}}}})
}

test_string_permissions_pass if {
	count(rule.deny) == 0 with input as wf({"permissions": "write-all"})
}
