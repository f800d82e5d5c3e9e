# METADATA
# title: Pull requests are not checked by the gate
# description: >-
#   The controls this gate checks only hold if every change is checked before
#   it merges: a workflow triggered by `pull_request` (or
#   `pull_request_target`) must run the gate, through its action
#   (`uses: <owner>/gate@<sha>`, `action_pattern`) or its command
#   (`gate check`, `command_pattern`). When a workflow could not be read the
#   verdict is UNKNOWN.
# custom:
#   id: GATE-REPO-016
#   severity: medium
#   remediation: |-
#     Add a workflow such as:
#     ```yaml
#     on: pull_request
#     permissions:
#       contents: read
#     jobs:
#       gate:
#         runs-on: ubuntu-latest
#         steps:
#           - uses: actions/checkout@<sha>
#             with:
#               persist-credentials: false
#           - uses: gatehq/gate@<sha>
#     ```
#     and make its check required in branch protection.
#   params:
#     action_pattern: '^[^/@]+/gate(/[^@]*)?@'
#     command_pattern: '(^|[\s;&|(/])gate\s+check\b'
#   controls:
#     soc2: [CC8.1, CC7.1]
#     iso27001_2022: [A.8.29, A.8.32]
#     nist_csf_2: [PR.PS-06, PR.PS-01]
#     nist_800_53r5: [CM-3, SA-11]
package gate.rules.repo.gate_in_ci

import data.gate.lib.params
import data.gate.lib.repo as lib

action_pattern := params.param("GATE-REPO-016", "action_pattern", `^[^/@]+/gate(/[^@]*)?@`)

command_pattern := params.param("GATE-REPO-016", "command_pattern", `(^|[\s;&|(/])gate\s+check\b`)

pr_triggers := {"pull_request", "pull_request_target"}

runs_gate(job) if {
	is_string(job.uses)
	regex.match(action_pattern, lower(trim_space(job.uses)))
}

runs_gate(job) if {
	some step in lib.steps(job)
	is_object(step)
	is_string(step.uses)
	regex.match(action_pattern, lower(trim_space(step.uses)))
}

runs_gate(job) if {
	some step in lib.steps(job)
	is_object(step)
	is_string(step.run)
	regex.match(command_pattern, step.run)
}

checked if {
	some w in lib.workflows
	count(lib.triggers(w.content) & pr_triggers) > 0
	some _, job in lib.jobs(w.content)
	is_object(job)
	runs_gate(job)
}

deny contains {"resource": ".github/workflows", "msg": "no workflow runs the gate on pull requests: changes can merge without these checks"} if {
	not checked
	count(lib.unreadable_workflows) == 0
}

unknown contains {"resource": ".github/workflows", "msg": msg} if {
	not checked
	count(lib.unreadable_workflows) > 0
	msg := sprintf("no readable workflow runs the gate on pull requests, and %s could not be read", [concat(", ", sort([w.path | some w in lib.unreadable_workflows]))])
}
