# METADATA
# title: The branch cannot be deleted
# description: >-
#   Deleting a protected branch removes its protection and its history
#   in one step; recreating it starts from whatever the pusher chooses.
# custom:
#   id: GATE-GH-009
#   severity: medium
#   remediation: |-
#     Restrict deletions: ruleset rule "Restrict deletions" (`deletion`), or
#     leave "Allow deletions" off in classic branch protection.
#   controls:
#     soc2: [CC8.1]
#     iso27001_2022: [A.8.4, A.8.32]
#     nist_csf_2: [PR.PS-01]
#     nist_800_53r5: [CM-5, SI-7]
package gate.rules.github.deletion_blocked

import rego.v1

import data.gate.lib.github as gh

deny contains gh.finding(b, "protection.deletions_blocked", msg) if {
	some b in gh.branches
	f := gh.field(b, "deletions_blocked")
	gh.is_false(f)
	msg := sprintf("branch %v can be deleted: blocking deletion is %v", [b.name, gh.not_set(f)])
}

unknown contains gh.unknown_finding(b, "protection.deletions_blocked", f) if {
	some b in gh.branches
	f := gh.field(b, "deletions_blocked")
	not gh.is_known(f)
}
