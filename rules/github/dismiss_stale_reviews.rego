# METADATA
# title: Approvals are dismissed when new commits are pushed
# description: >-
#   If approvals survive new pushes, a pull request can be approved and
#   then changed without another review, so the merged code was never
#   reviewed as merged.
# custom:
#   id: GATE-GH-004
#   severity: medium
#   remediation: |-
#     Turn on "Dismiss stale pull request approvals when new commits are
#     pushed" (ruleset pull_request parameter `dismiss_stale_reviews_on_push`,
#     classic `dismiss_stale_reviews`).
#   controls:
#     soc2: [CC8.1]
#     iso27001_2022: [A.8.32]
#     nist_csf_2: [PR.PS-01]
#     nist_800_53r5: [CM-3]
package gate.rules.github.dismiss_stale_reviews

import rego.v1

import data.gate.lib.github as gh

deny contains gh.finding(b, "protection.dismiss_stale_reviews", msg) if {
	some b in gh.branches
	f := gh.field(b, "dismiss_stale_reviews")
	gh.is_false(f)
	msg := sprintf("branch %v keeps approvals after new commits: dismissal of stale reviews is %v", [b.name, gh.not_set(f)])
}

unknown contains gh.unknown_finding(b, "protection.dismiss_stale_reviews", f) if {
	some b in gh.branches
	f := gh.field(b, "dismiss_stale_reviews")
	not gh.is_known(f)
}
