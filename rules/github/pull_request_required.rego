# METADATA
# title: Changes reach the branch only through pull requests
# description: >-
#   Without a required pull request, anyone with write access can push
#   straight to the branch: no review, no status checks, nothing for an auditor
#   to sample. Classic branch protection ("Require a pull request before
#   merging") or an active ruleset with a pull_request rule satisfies it.
# custom:
#   id: GATE-GH-002
#   severity: high
#   remediation: |-
#     Require a pull request before merging: in the branch ruleset add the
#     rule "Require a pull request before merging" (ruleset rule type
#     `pull_request`), or enable it in classic branch protection.
#   controls:
#     soc2: [CC8.1]
#     iso27001_2022: [A.8.32, A.8.4]
#     nist_csf_2: [PR.PS-01]
#     nist_800_53r5: [CM-3, CM-5]
package gate.rules.github.pull_request_required

import rego.v1

import data.gate.lib.github as gh

deny contains gh.finding(b, "protection.pull_request_required", msg) if {
	some b in gh.branches
	f := gh.field(b, "pull_request_required")
	gh.is_false(f)
	msg := sprintf("branch %v accepts direct pushes: pull requests are %v", [b.name, gh.not_set(f)])
}

unknown contains gh.unknown_finding(b, "protection.pull_request_required", f) if {
	some b in gh.branches
	f := gh.field(b, "pull_request_required")
	not gh.is_known(f)
}
