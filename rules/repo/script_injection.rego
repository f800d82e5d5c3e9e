# METADATA
# title: Untrusted input interpolated into a script
# description: >-
#   `${{ … }}` expressions are pasted into a `run:` script before the shell
#   sees it. An issue or pull request title, a branch name, a comment or a
#   commit message is chosen by whoever opens it, so `${{
#   github.event.issue.title }}` in a script lets them run commands with the
#   job's token and secrets. The same holds for inputs that are evaluated as
#   code, such as `actions/github-script`'s `script` (see `code_inputs`).
#   Passing the value through `env:` and using `"$VAR"` is safe and is not
#   reported.
# custom:
#   id: GATE-REPO-006
#   severity: high
#   remediation: |-
#     Pass the value through an environment variable and quote it:
#     ```yaml
#     - env:
#         TITLE: ${{ github.event.issue.title }}
#       run: echo "$TITLE"
#     ```
#   params:
#     code_inputs:
#       actions/github-script: [script]
#       mikefarah/yq: [cmd]
#   controls:
#     soc2: [CC6.8, CC8.1]
#     iso27001_2022: [A.8.25, A.8.28]
#     nist_csf_2: [PR.PS-06]
#     nist_800_53r5: [SI-10, SA-15]
package gate.rules.repo.script_injection

import data.gate.lib.params
import data.gate.lib.repo as lib

code_inputs := params.param("GATE-REPO-006", "code_inputs", {"actions/github-script": ["script"], "mikefarah/yq": ["cmd"]})

# sinks are [file, attribute, text] of every run script and code input.
sinks contains [w.path, sprintf("%s.run", [lib.step_path(id, i)]), step.run] if {
	some w in lib.workflows
	some id, job in lib.jobs(w.content)
	some i, step in lib.steps(job)
	is_object(step)
	is_string(step.run)
}

sinks contains [w.path, lib.child(sprintf("%s.with", [lib.step_path(id, i)]), name), text] if {
	some w in lib.workflows
	some id, job in lib.jobs(w.content)
	some i, step in lib.steps(job)
	is_object(step)
	some action, names in code_inputs
	lib.action(step.uses) == lower(action)
	some name in names
	text := step.with[name]
	is_string(text)
}

deny contains {"resource": file, "attribute": attr, "msg": msg} if {
	some [file, attr, text] in sinks
	found := lib.untrusted_in(text)
	count(found) > 0
	msg := sprintf("untrusted input interpolated into code: ${{ %s }}; pass it through env: and quote the variable", [concat(" }}, ${{ ", sort(found))])
}
