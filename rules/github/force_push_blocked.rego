# METADATA
# title: Force pushes to the branch are blocked
# description: >-
#   A force push rewrites the branch history: reviewed commits can be
#   replaced or removed after the fact, and the audit trail of what was merged
#   is lost.
# custom:
#   id: GATE-GH-008
#   severity: high
#   remediation: |-
#     Block force pushes: ruleset rule "Block force pushes"
#     (`non_fast_forward`), or leave "Allow force pushes" off in classic branch
#     protection.
#   controls:
#     soc2: [CC8.1]
#     iso27001_2022: [A.8.4, A.8.32]
#     nist_csf_2: [PR.PS-01]
#     nist_800_53r5: [CM-5, SI-7]
package gate.rules.github.force_push_blocked

import rego.v1

import data.gate.lib.github as gh

deny contains gh.finding(b, "protection.force_pushes_blocked", msg) if {
	some b in gh.branches
	f := gh.field(b, "force_pushes_blocked")
	gh.is_false(f)
	msg := sprintf("branch %v accepts force pushes: blocking force pushes is %v", [b.name, gh.not_set(f)])
}

unknown contains gh.unknown_finding(b, "protection.force_pushes_blocked", f) if {
	some b in gh.branches
	f := gh.field(b, "force_pushes_blocked")
	not gh.is_known(f)
}
