# Helpers for rules over the repo document (see rules/repo/README.md).

# METADATA
# title: Helpers for the repository configuration rules
# description: >-
#   A library, not a rule: it defines no deny or unknown results, has no
#   controls of its own and is imported by the rules that use it.
package gate.lib.repo

import rego.v1

unknown := "<<unknown>>"

# workflows are the workflow files that parsed; unreadable ones carry
# `error` and a null `content` (the reader reported them as input errors).
workflows contains w if {
	some w in input.workflows
	is_object(w.content)
}

unreadable_workflows contains w if {
	some w in input.workflows
	not is_object(object.get(w, "content", null))
}

# child(path, key) joins a mapping key to an attribute path the way the
# reader records positions: a.b for keys of letters, digits, _ and -,
# a["b.c"] for any other key.
child(path, key) := key if {
	path == ""
	regex.match(`^[A-Za-z0-9_-]+$`, key)
} else := concat(".", [path, key]) if {
	regex.match(`^[A-Za-z0-9_-]+$`, key)
} else := sprintf(`%s["%s"]`, [path, key])

has_key(obj, key) if {
	is_object(obj)
	_ = obj[key]
}

# triggers(content) is the set of event names of a workflow's `on:`
# (a string, a list or a mapping).
triggers(content) := {content.on} if {
	is_string(content.on)
} else := {t | some t in content.on; is_string(t)} if {
	is_array(content.on)
} else := {t | some t, _ in content.on} if {
	is_object(content.on)
} else := set()

# only_workflow_call: a reusable workflow; its token is the caller's.
only_workflow_call(content) if triggers(content) == {"workflow_call"}

jobs(content) := content.jobs if {
	is_object(content.jobs)
} else := {}

job_path(job_id) := child("jobs", job_id)

# steps(job) are the job's steps, [] for a job that calls a reusable workflow.
steps(job) := job.steps if {
	is_array(job.steps)
} else := []

step_path(job_id, i) := sprintf("%s.steps[%d]", [job_path(job_id), i])

# action(uses) is the lower-case action reference without its ref:
# "actions/checkout", "./local", "docker://img".
action(uses) := lower(trim_space(split(uses, "@")[0])) if is_string(uses)

# expressions(s) are the ${{ … }} expressions of a string, normalised:
# lower case (property names are case-insensitive), no white space, and
# index syntax turned into dots (github['head_ref'] → github.head_ref).
expressions(s) := {normalize(m[1]) |
	some m in regex.find_all_string_submatch_n(`(?s)\$\{\{(.*?)\}\}`, s, -1)
} if {
	is_string(s)
} else := set()

normalize(e) := regex.replace(
	regex.replace(lower(e), `\s+`, ""),
	`\['?([^'\]]*)'?\]`, ".$1",
)

# Expressions an outside attacker controls (issue and pull request text,
# branch names, commit messages, comment and review bodies, wiki page names,
# repository_dispatch payloads).
untrusted_patterns := [
	`github\.event\.(issue|pull_request|discussion)\.(title|body)`,
	`github\.event\.(comment|review|review_comment)\.body`,
	`github\.event\.pages\.[^.]+\.page_name`,
	`github\.event\.(commits\.[^.]+|head_commit|workflow_run\.head_commit|merge_group\.head_commit)\.(message|author\.(email|name)|committer\.(email|name))`,
	`github\.event\.pull_request\.head\.(ref|label|repo\.default_branch)`,
	`github\.head_ref`,
	`github\.event\.[a-z_.]*head_branch`,
	`github\.event\.workflow_run\.(display_title|pull_requests\.[^.]+\.head\.ref)`,
	`github\.event\.client_payload`,
]

untrusted(expr) if {
	some p in untrusted_patterns
	regex.match(concat("", [`(^|[^a-z0-9_.-])`, p, `($|[^a-z0-9_-])`]), expr)
}

# untrusted_in(s) are the untrusted expressions interpolated into s.
untrusted_in(s) := {e | some e in expressions(s); untrusted(e)}

# is_false(v): YAML false or the string "false".
is_false(v) if v == false

is_false(v) if {
	is_string(v)
	lower(trim_space(v)) == "false"
}

is_true(v) if v == true

is_true(v) if {
	is_string(v)
	lower(trim_space(v)) == "true"
}

# visibility of the repository: public, private, internal or unknown.
visibility := v if {
	v := input.repository.visibility
	v in {"public", "private", "internal"}
} else := unknown

# Dependabot-style directories: "/" or "/a/b", no trailing slash.
norm_dir(d) := "/" if {
	trim(d, "/") == ""
} else := concat("", ["/", trim(trim_space(d), "/")])
