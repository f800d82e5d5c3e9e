package gate.rules.repo.untrusted_checkout_test

import data.gate.rules.repo.untrusted_checkout as rule

wf(on, steps) := {"workflows": [{"path": "w.yml", "content": {"on": on, "jobs": {"a": {"steps": steps}}}}]}

checkout(ref) := {"uses": "actions/checkout@v4", "with": {"ref": ref}}

attrs(r) := {x.attribute | some x in r}

test_pull_request_target_head_sha if {
	r := rule.deny with input as wf("pull_request_target", [checkout("${{ github.event.pull_request.head.sha }}")])
	attrs(r) == {"jobs.a.steps[0].with.ref"}
}

test_workflow_run_and_refs_pull if {
	r := rule.deny with input as wf({"workflow_run": {"workflows": ["ci"]}}, [
		checkout("${{ github.event.workflow_run.head_sha }}"),
		checkout("refs/pull/${{ github.event.number }}/merge"),
		{"uses": "actions/checkout@v4", "with": {"repository": "${{ github.event.pull_request.head.repo.full_name }}"}},
	])
	attrs(r) == {"jobs.a.steps[0].with.ref", "jobs.a.steps[1].with.ref", "jobs.a.steps[2].with.repository"}
}

test_scripts_fetching_the_head if {
	r := rule.deny with input as wf(["issue_comment"], [
		{"run": "gh pr checkout ${{ github.event.issue.number }}"},
		{"run": "git fetch origin ${{ github.head_ref }}\nmake"},
		{"run": "git fetch origin main"},
	])
	attrs(r) == {"jobs.a.steps[0].run", "jobs.a.steps[1].run"}
}

test_plain_pull_request_passes if {
	count(rule.deny) == 0 with input as wf(["pull_request"], [checkout("${{ github.event.pull_request.head.sha }}")])
}

test_base_checkout_passes if {
	count(rule.deny) == 0 with input as wf("pull_request_target", [checkout("main"), {"uses": "actions/checkout@v4"}, checkout("${{ github.event.pull_request.base.sha }}")])
}

test_triggers_param if {
	count(rule.deny) == 0 with input as wf("pull_request_target", [checkout("${{ github.head_ref }}")])
		with data.gate_config.params as {"GATE-REPO-005": {"privileged_triggers": ["workflow_run"]}}
}
