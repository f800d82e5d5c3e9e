package gate.rules.repo.gate_in_ci_test

import data.gate.rules.repo.gate_in_ci as rule

wf(on, job) := {"path": "w.yml", "content": {"on": on, "jobs": {"a": job}}}

test_runs_on_pull_requests if {
	every w in [
		wf("pull_request", {"steps": [{"uses": "gatehq/gate@0123456789abcdef0123456789abcdef01234567"}]}),
		wf(["push", "pull_request"], {"steps": [{"run": "go run ./cmd/gate check --format sarif ."}]}),
		wf({"pull_request": {"branches": ["main"]}}, {"uses": "org/gate/.github/workflows/gate.yml@v1"}),
		wf("pull_request_target", {"steps": [{"run": "make lint && gate check ."}]}),
	] {
		count(rule.deny) == 0 with input as {"workflows": [w]}
	}
}

test_not_run if {
	every inp in [
		{"workflows": []},
		{"workflows": [wf("push", {"steps": [{"uses": "gatehq/gate@v1"}]})]},
		{"workflows": [wf("pull_request", {"steps": [{"run": "go test ./..."}, {"uses": "acme/gatekeeper@v1"}, {"run": "echo tollgate check"}]})]},
	] {
		count(rule.deny) == 1 with input as inp
		count(rule.unknown) == 0 with input as inp
	}
}

test_unknown_when_a_workflow_is_unreadable if {
	inp := {"workflows": [wf("push", {}), {"path": "x.yml", "content": null, "error": "line 3: duplicate key"}]}
	count(rule.deny) == 0 with input as inp
	{x.msg | some x in rule.unknown} == {"no readable workflow runs the gate on pull requests, and x.yml could not be read"} with input as inp
}

test_action_pattern_param if {
	count(rule.deny) == 0 with input as {"workflows": [wf("pull_request", {"steps": [{"uses": "corp/policy-check@v2"}]})]}
		with data.gate_config.params as {"GATE-REPO-016": {"action_pattern": "^corp/policy-check@"}}
}
