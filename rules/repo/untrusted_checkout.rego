# METADATA
# title: Privileged workflow checks out pull request code
# description: >-
#   `pull_request_target`, `workflow_run` and `issue_comment` workflows run in
#   the base repository with its secrets and a token that can write. Checking
#   out the head of a pull request (its SHA, branch or `refs/pull/…`) there
#   and then building or testing it runs an outsider's code with those
#   privileges ("pwn request").
# custom:
#   id: GATE-REPO-005
#   severity: critical
#   remediation: |-
#     Build untrusted code in a `pull_request` workflow (no secrets, read-only
#     token) and pass results to the privileged workflow as artifacts. If the
#     privileged workflow must read the PR, check it out into a separate
#     directory, never execute it, and set `persist-credentials: false`.
#   params:
#     privileged_triggers: [pull_request_target, workflow_run, issue_comment]
#   controls:
#     soc2: [CC6.8, CC8.1]
#     iso27001_2022: [A.8.25, A.8.28]
#     nist_csf_2: [PR.PS-05, PR.PS-06]
#     nist_800_53r5: [AC-6, SA-15]
package gate.rules.repo.untrusted_checkout

import data.gate.lib.params
import data.gate.lib.repo as lib

privileged := {t | some t in params.param("GATE-REPO-005", "privileged_triggers", ["pull_request_target", "workflow_run", "issue_comment"])}

# Expressions that name the pull request's head rather than the base.
head_patterns := [
	`github\.event\.pull_request\.head\.(sha|ref)`,
	`github\.head_ref`,
	`github\.event\.pull_request\.merge_commit_sha`,
	`github\.event\.workflow_run\.(head_sha|head_branch|head_commit\.id)`,
	`github\.event\.workflow_run\.pull_requests\.[^.]+\.head\.(sha|ref)`,
	`github\.event\.pull_request\.head\.repo\.full_name`,
]

head_exprs(s) := {e |
	some e in lib.expressions(s)
	some p in head_patterns
	regex.match(p, e)
}

# head_ref(s) describes the pull request head s names; undefined otherwise.
head_ref(s) := s if {
	is_string(s)
	regex.match(`refs/pull/`, s)
} else := concat(", ", sort(head_exprs(s))) if {
	count(head_exprs(s)) > 0
}

is_checkout(step) if {
	is_object(step)
	lib.action(step.uses) == "actions/checkout"
}

deny contains {"resource": w.path, "attribute": attr, "msg": msg} if {
	some w in lib.workflows
	trig := lib.triggers(w.content) & privileged
	count(trig) > 0
	some id, job in lib.jobs(w.content)
	some i, step in lib.steps(job)
	is_checkout(step)
	some input_name in ["ref", "repository"]
	ref := head_ref(object.get(step, ["with", input_name], null))
	attr := sprintf("%s.with.%s", [lib.step_path(id, i), input_name])
	msg := sprintf("%s workflow checks out the pull request head (%s): untrusted code runs with the base repository's secrets and write token", [concat("/", sort(trig)), ref])
}

deny contains {"resource": w.path, "attribute": attr, "msg": msg} if {
	some w in lib.workflows
	trig := lib.triggers(w.content) & privileged
	count(trig) > 0
	some id, job in lib.jobs(w.content)
	some i, step in lib.steps(job)
	is_string(step.run)
	fetches_head(step.run)
	attr := sprintf("%s.run", [lib.step_path(id, i)])
	msg := sprintf("%s workflow fetches the pull request head in a script: untrusted code runs with the base repository's secrets and write token", [concat("/", sort(trig))])
}

fetches_head(script) if regex.match(`\bgh\s+pr\s+checkout\b`, script)

fetches_head(script) if regex.match(`\bgit\s+(fetch|checkout|pull|switch)\b[^\n]*refs/pull/`, script)

fetches_head(script) if {
	some line in split(script, "\n")
	regex.match(`\bgit\s+(fetch|checkout|pull|switch)\b`, line)
	count(head_exprs(line)) > 0
}
