# METADATA
# title: Branch is protected
# description: >-
#   The default branch (and every other branch the gate reads) must be
#   protected by classic branch protection or by an active repository,
#   organization or enterprise ruleset. An unprotected branch takes any push
#   from anyone with write access: no review, no checks, no history guarantee.
#   Rulesets in evaluate or disabled mode do not count.
# custom:
#   id: GATE-GH-001
#   severity: high
#   remediation: |-
#     Protect the branch: Settings → Rules → Rulesets → New branch ruleset,
#     target the default branch, enforcement status Active (or classic
#     branch protection under Settings → Branches). With the GitHub CLI:
#     ```sh
#     gh api -X POST repos/OWNER/REPO/rulesets --input ruleset.json
#     ```
#     Private repositories on GitHub Free cannot be protected: make the
#     repository public or move it to a paid plan.
#   controls:
#     soc2: [CC8.1, CC6.1]
#     iso27001_2022: [A.8.32, A.8.4]
#     nist_csf_2: [PR.PS-01]
#     nist_800_53r5: [CM-3, CM-5]
package gate.rules.github.branch_protected

import rego.v1

import data.gate.lib.github as gh

deny contains gh.finding(b, "protection.protected", msg) if {
	some b in gh.branches
	gh.is_false(gh.field(b, "protected"))
	msg := sprintf("branch %v is not protected: no classic branch protection and no active ruleset applies%v", [b.name, not_enforced_note(b)])
}

unknown contains gh.unknown_finding(b, "protection.protected", f) if {
	some b in gh.branches
	f := gh.field(b, "protected")
	not gh.is_known(f)
}

unknown contains {"resource": gh.repo, "attribute": "branches", "msg": "no branch was read"} if {
	count(gh.branches) == 0
}

not_enforced_note(b) := sprintf(" (not enforced: %v)", [concat(", ", labels)]) if {
	labels := [sprintf("%v is %v", [r.label, r.enforcement]) |
		some r in b.rulesets_not_enforced
		r.targets_branch == true
	]
	count(labels) > 0
} else := ""
