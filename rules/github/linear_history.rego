# METADATA
# title: The branch keeps a linear history
# description: >-
#   Required linear history forbids merge commits on the branch, so
#   every change is one reviewable commit (squash or rebase merge). Off by
#   default: set the parameter required to true where the team relies on a
#   linear history for review or release tooling.
# custom:
#   id: GATE-GH-016
#   severity: low
#   remediation: |-
#     Turn on "Require linear history" (ruleset rule
#     `required_linear_history`, classic `required_linear_history`) and enable
#     this check:
#     ```yaml
#     params:
#       GATE-GH-016: {required: true}
#     ```
#   controls:
#     soc2: [CC8.1]
#     iso27001_2022: [A.8.32]
#     nist_csf_2: [PR.PS-01]
#     nist_800_53r5: [CM-3]
#   params:
#     required: false
package gate.rules.github.linear_history

import rego.v1

import data.gate.lib.github as gh
import data.gate.lib.params

enabled if params.param("GATE-GH-016", "required", false) == true

deny contains gh.finding(b, "protection.required_linear_history", msg) if {
	enabled
	some b in gh.branches
	f := gh.field(b, "required_linear_history")
	gh.is_false(f)
	msg := sprintf("branch %v accepts merge commits: linear history is %v", [b.name, gh.not_set(f)])
}

unknown contains gh.unknown_finding(b, "protection.required_linear_history", f) if {
	enabled
	some b in gh.branches
	f := gh.field(b, "required_linear_history")
	not gh.is_known(f)
}
