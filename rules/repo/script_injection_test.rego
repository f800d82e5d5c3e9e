package gate.rules.repo.script_injection_test

import data.gate.rules.repo.script_injection as rule

wf(steps) := {"workflows": [{"path": "w.yml", "content": {"on": "issues", "jobs": {"a": {"steps": steps}}}}]}

attrs(r) := {x.attribute | some x in r}

test_run_interpolation if {
	r := rule.deny with input as wf([
		{"run": "echo \"${{ github.event.issue.title }}\""},
		{"run": "echo ${{ github['head_ref'] }} ${{ github.event.comment.body }}"},
	])
	attrs(r) == {"jobs.a.steps[0].run", "jobs.a.steps[1].run"}
	some f in r
	f.attribute == "jobs.a.steps[1].run"
	f.msg == "untrusted input interpolated into code: ${{ github.event.comment.body }}, ${{ github.head_ref }}; pass it through env: and quote the variable"
}

test_code_inputs if {
	r := rule.deny with input as wf([
		{"uses": "actions/github-script@v7", "with": {"script": "console.log('${{ github.event.pull_request.body }}')"}},
		{"uses": "acme/other@v1", "with": {"script": "${{ github.event.pull_request.body }}"}},
	])
	attrs(r) == {"jobs.a.steps[0].with.script"}
}

test_env_and_trusted_expressions_pass if {
	count(rule.deny) == 0 with input as wf([
		{"env": {"TITLE": "${{ github.event.issue.title }}"}, "run": "echo \"$TITLE\""},
		{"run": "echo ${{ github.event.pull_request.head.sha }} ${{ github.repository }} ${{ inputs.name }}"},
		{"run": 5},
	])
}
