package gate.rules.repo.self_hosted_public_test

import data.gate.rules.repo.self_hosted_public as rule

wf(visibility, jobs) := {
	"repository": {"visibility": visibility},
	"workflows": [{"path": "w.yml", "content": {"on": "pull_request", "jobs": jobs}}],
}

jobs := {
	"a": {"runs-on": "self-hosted"},
	"b": {"runs-on": ["Self-Hosted", "linux"]},
	"c": {"runs-on": {"labels": ["self-hosted", "gpu"]}},
	"d": {"runs-on": "${{ matrix.os }}", "strategy": {"matrix": {"os": ["ubuntu-latest", ["self-hosted", "arm"]]}}},
	"e": {"runs-on": "${{ matrix.runner }}", "strategy": {"matrix": {"include": [{"runner": "self-hosted"}]}}},
	"f": {"runs-on": "ubuntu-latest"},
	"g": {"runs-on": {"group": "large-runners"}},
	"h": {"runs-on": "${{ matrix.os }}", "strategy": {"matrix": {"os": "${{ fromJSON(inputs.os) }}"}}},
}

attrs(r) := {x.attribute | some x in r}

test_public_repository if {
	r := rule.deny with input as wf("public", jobs)
	attrs(r) == {"jobs.a.runs-on", "jobs.b.runs-on", "jobs.c.runs-on", "jobs.d.runs-on", "jobs.e.runs-on"}
	count(rule.unknown) == 0 with input as wf("public", jobs)
}

test_unknown_visibility if {
	count(rule.deny) == 0 with input as wf("<<unknown>>", jobs)
	r := rule.unknown with input as wf("<<unknown>>", jobs)
	attrs(r) == {"jobs.a.runs-on", "jobs.b.runs-on", "jobs.c.runs-on", "jobs.d.runs-on", "jobs.e.runs-on"}
}

test_private_repository if {
	count(rule.deny) == 0 with input as wf("private", jobs)
	count(rule.unknown) == 0 with input as wf("private", jobs)
}
