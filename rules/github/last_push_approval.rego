# METADATA
# title: The most recent push must be approved by someone else
# description: >-
#   Without last-push approval, a reviewer can push a commit to a pull
#   request they approved (or the author can push after approval) and merge
#   code that nobody else reviewed, which defeats segregation of duties.
# custom:
#   id: GATE-GH-006
#   severity: medium
#   remediation: |-
#     Turn on "Require approval of the most recent reviewable push"
#     (ruleset pull_request parameter `require_last_push_approval`, classic
#     `require_last_push_approval`).
#   controls:
#     soc2: [CC8.1]
#     iso27001_2022: [A.5.3, A.8.32]
#     nist_csf_2: [PR.AA-05]
#     nist_800_53r5: [AC-5, CM-3]
package gate.rules.github.last_push_approval

import rego.v1

import data.gate.lib.github as gh

deny contains gh.finding(b, "protection.require_last_push_approval", msg) if {
	some b in gh.branches
	f := gh.field(b, "require_last_push_approval")
	gh.is_false(f)
	msg := sprintf("branch %v lets the last pusher's own changes merge without another approval: last-push approval is %v", [b.name, gh.not_set(f)])
}

unknown contains gh.unknown_finding(b, "protection.require_last_push_approval", f) if {
	some b in gh.branches
	f := gh.field(b, "require_last_push_approval")
	not gh.is_known(f)
}
