package gate.rules.repo.persist_credentials_test

import data.gate.rules.repo.persist_credentials as rule

wf(jobs) := {"workflows": [{"path": "w.yml", "content": {"on": "push", "jobs": jobs}}]}

attrs(r) := {x.attribute | some x in r}

test_default_persisted if {
	r := rule.deny with input as wf({
		"a": {"steps": [{"run": "echo"}, {"uses": "actions/checkout@v4"}]},
		"b": {"steps": [{"uses": "actions/checkout@v4", "with": {"fetch-depth": 0}}]},
		"c": {"steps": [{"uses": "actions/checkout@v4", "with": null}]},
	})
	attrs(r) == {"jobs.a.steps[1]", "jobs.b.steps[0]", "jobs.c.steps[0]"}
}

test_false_and_pushing_jobs_pass if {
	count(rule.deny) == 0 with input as wf({
		"a": {"steps": [{"uses": "actions/checkout@v4", "with": {"persist-credentials": false}}]},
		"b": {"steps": [{"uses": "actions/checkout@v4", "with": {"persist-credentials": "false"}}]},
		"c": {"steps": [{"uses": "actions/checkout@v4"}, {"run": "git commit -am x\ngit push origin HEAD"}]},
		"d": {"steps": [{"uses": "actions/checkout@v4"}, {"uses": "stefanzweifel/git-auto-commit-action@v5"}]},
		"e": {"steps": [{"uses": "actions/checkout@v4", "with": {"persist-credentials": true}}]},
		"f": {"steps": [{"uses": "actions/checkout@v4", "with": {"persist-credentials": "${{ inputs.push }}"}}]},
	})
}

test_explicit_true_when_asked if {
	r := rule.deny with input as wf({"e": {"steps": [{"uses": "actions/checkout@v4", "with": {"persist-credentials": true}}]}})
		with data.gate_config.params as {"GATE-REPO-009": {"flag_explicit_true": true}}
	attrs(r) == {"jobs.e.steps[0]"}
}
