# METADATA
# title: Checkout leaves the token in the repository when nothing pushes
# description: >-
#   actions/checkout writes the GITHUB_TOKEN into .git/config unless
#   `persist-credentials: false` is set. Every later step of the job — and
#   any artifact that uploads the workspace — can then read it. Only jobs
#   that push with git need it; jobs with a step that runs `git push` or
#   uses a known pushing action (see `push_actions`, `push_commands`) are
#   not reported. An explicit `persist-credentials: true` is taken as a
#   decision unless `flag_explicit_true` is set.
# custom:
#   id: GATE-REPO-009
#   severity: medium
#   remediation: |-
#     ```yaml
#     - uses: actions/checkout@<sha>
#       with:
#         persist-credentials: false
#     ```
#   params:
#     flag_explicit_true: false
#     push_actions:
#       - stefanzweifel/git-auto-commit-action
#       - endbug/add-and-commit
#       - ad-m/github-push-action
#       - peter-evans/create-pull-request
#       - actions-js/push
#       - changesets/action
#       - jamesives/github-pages-deploy-action
#       - peaceiris/actions-gh-pages
#       - cycjimmy/semantic-release-action
#       - s0/git-publish-subdir-action
#     push_commands:
#       - '\bgit\s+push\b'
#       - '\bsemantic-release\b'
#       - '\blerna\s+(publish|version)\b'
#       - '\bmvn\b[^\n]*\brelease:(prepare|perform)\b'
#       - '\bgit\s+subtree\s+push\b'
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.5.17]
#     nist_csf_2: [PR.AA-01]
#     nist_800_53r5: [IA-5, AC-6]
package gate.rules.repo.persist_credentials

import data.gate.lib.params
import data.gate.lib.repo as lib

rule_id := "GATE-REPO-009"

flag_true := params.param(rule_id, "flag_explicit_true", false)

push_actions := {lower(a) | some a in params.param(rule_id, "push_actions", [
	"stefanzweifel/git-auto-commit-action", "endbug/add-and-commit", "ad-m/github-push-action",
	"peter-evans/create-pull-request", "actions-js/push", "changesets/action",
	"jamesives/github-pages-deploy-action", "peaceiris/actions-gh-pages",
	"cycjimmy/semantic-release-action", "s0/git-publish-subdir-action",
])}

push_commands := params.param(rule_id, "push_commands", [
	`\bgit\s+push\b`, `\bsemantic-release\b`, `\blerna\s+(publish|version)\b`,
	`\bmvn\b[^\n]*\brelease:(prepare|perform)\b`, `\bgit\s+subtree\s+push\b`,
])

pushes(job) if {
	some step in lib.steps(job)
	is_object(step)
	lib.action(step.uses) in push_actions
}

pushes(job) if {
	some step in lib.steps(job)
	is_object(step)
	is_string(step.run)
	some re in push_commands
	regex.match(re, step.run)
}

# persists(step): persist-credentials is left to its default (true), or set
# to true when flag_explicit_true. An expression cannot be judged.
persists(step) if not lib.has_key(object.get(step, "with", {}), "persist-credentials")

persists(step) if {
	flag_true == true
	lib.is_true(step.with["persist-credentials"])
}

deny contains {"resource": w.path, "attribute": lib.step_path(id, i), "msg": msg} if {
	some w in lib.workflows
	some id, job in lib.jobs(w.content)
	is_object(job)
	not pushes(job)
	some i, step in lib.steps(job)
	is_object(step)
	lib.action(step.uses) == "actions/checkout"
	persists(step)
	msg := sprintf("actions/checkout in job %s keeps the GITHUB_TOKEN in .git/config and no step of the job pushes; set persist-credentials: false", [id])
}
