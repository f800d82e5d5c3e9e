package gate.rules.repo.permissions_missing_test

import data.gate.rules.repo.permissions_missing as rule

wf(content) := {"workflows": [{"path": ".github/workflows/w.yml", "content": content}]}

test_missing_everywhere if {
	r := rule.deny with input as wf({"on": "push", "jobs": {"a": {"runs-on": "x"}, "b": {"runs-on": "x", "permissions": {}}}})
	r == {{"resource": ".github/workflows/w.yml", "attribute": "permissions", "msg": "no top-level permissions and job(s) a set none: they run with the repository's default GITHUB_TOKEN permissions"}}
}

test_top_level_set if {
	count(rule.deny) == 0 with input as wf({"on": "push", "permissions": {}, "jobs": {"a": {"runs-on": "x"}}})
}

test_top_level_null_counts_as_set if {
	count(rule.deny) == 0 with input as wf({"on": "push", "permissions": null, "jobs": {"a": {}}})
}

test_every_job_sets_its_own if {
	count(rule.deny) == 0 with input as wf({"on": "push", "jobs": {"a": {"permissions": "read-all"}, "b": {"permissions": {"contents": "read"}}}})
}

test_reusable_workflow_skipped if {
	count(rule.deny) == 0 with input as wf({"on": {"workflow_call": {}}, "jobs": {"a": {}}})
}

test_unreadable_workflow_skipped if {
	count(rule.deny) == 0 with input as {"workflows": [{"path": "w.yml", "content": null, "error": "x"}]}
}
