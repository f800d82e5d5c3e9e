# METADATA
# title: Review conversations must be resolved before merging
# description: >-
#   Unresolved review comments can be merged over: a reviewer's
#   objection leaves no trace in what gets deployed.
# custom:
#   id: GATE-GH-014
#   severity: low
#   remediation: |-
#     Turn on "Require conversation resolution before merging" (ruleset
#     pull_request parameter `required_review_thread_resolution`, classic
#     `required_conversation_resolution`).
#   controls:
#     soc2: [CC8.1]
#     iso27001_2022: [A.8.32]
#     nist_csf_2: [PR.PS-01]
#     nist_800_53r5: [CM-3]
package gate.rules.github.conversation_resolution

import rego.v1

import data.gate.lib.github as gh

deny contains gh.finding(b, "protection.required_conversation_resolution", msg) if {
	some b in gh.branches
	f := gh.field(b, "required_conversation_resolution")
	gh.is_false(f)
	msg := sprintf("branch %v merges pull requests with unresolved conversations: conversation resolution is %v", [b.name, gh.not_set(f)])
}

unknown contains gh.unknown_finding(b, "protection.required_conversation_resolution", f) if {
	some b in gh.branches
	f := gh.field(b, "required_conversation_resolution")
	not gh.is_known(f)
}
