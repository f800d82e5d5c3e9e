package gate.rules.repo.unpinned_actions_test

import data.gate.rules.repo.unpinned_actions as rule

sha := "0123456789abcdef0123456789abcdef01234567"

wf(steps, jobs) := {"workflows": [{"path": "w.yml", "content": {"jobs": object.union({"a": {"steps": steps}}, jobs)}}]}

attrs(r) := {x.attribute | some x in r}

test_third_party_tags_and_branches if {
	r := rule.deny with input as wf([{"uses": "acme/x@v1"}, {"uses": "acme/y/sub@main"}, {"uses": "acme/z"}, {"run": "echo"}], {})
	attrs(r) == {"jobs.a.steps[0].uses", "jobs.a.steps[1].uses", "jobs.a.steps[2].uses"}
}

test_sha_pinned_local_and_first_party_pass if {
	count(rule.deny) == 0 with input as wf([
		{"uses": concat("@", ["acme/x", sha])},
		{"uses": concat("@", ["acme/x/path", upper(sha)])},
		{"uses": "./.github/actions/local"},
		{"uses": "actions/checkout@v4"},
		{"uses": "GitHub/codeql-action/init@v3"},
		{"uses": "docker://alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000"},
	], {})
}

test_short_sha_is_not_pinned if {
	r := rule.deny with input as wf([{"uses": "acme/x@0123456"}], {})
	attrs(r) == {"jobs.a.steps[0].uses"}
}

test_docker_tags if {
	r := rule.deny with input as wf([{"uses": "docker://rhysd/actionlint@latest"}, {"uses": "docker://alpine:3"}], {})
	attrs(r) == {"jobs.a.steps[0].uses", "jobs.a.steps[1].uses"}
}

test_reusable_workflows if {
	r := rule.deny with input as wf([], {"call": {"uses": "acme/wf/.github/workflows/x.yml@v1"}, "local": {"uses": "./.github/workflows/y.yml"}})
	attrs(r) == {"jobs.call.uses"}
}

test_allow_list_param if {
	r := rule.deny with input as wf([{"uses": "actions/checkout@v4"}, {"uses": "acme/x@v1"}], {})
		with data.gate_config.params as {"GATE-REPO-004": {"allow_unpinned_owners": ["acme"]}}
	attrs(r) == {"jobs.a.steps[0].uses"}
}
