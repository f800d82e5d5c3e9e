# METADATA
# title: Code owners must review changes to the files they own
# description: >-
#   When the branch has a CODEOWNERS file, a pull request touching owned
#   files must be approved by one of their owners. Without the requirement,
#   CODEOWNERS only suggests reviewers and any approval will do. Branches
#   without a CODEOWNERS file pass (GATE-REPO rules judge the file itself).
# custom:
#   id: GATE-GH-005
#   severity: medium
#   remediation: |-
#     Turn on "Require review from Code Owners" (ruleset pull_request
#     parameter `require_code_owner_review`, classic
#     `require_code_owner_reviews`).
#   controls:
#     soc2: [CC8.1, CC6.1]
#     iso27001_2022: [A.8.4, A.8.32]
#     nist_csf_2: [PR.AA-05]
#     nist_800_53r5: [CM-5, AC-3]
package gate.rules.github.code_owner_review

import rego.v1

import data.gate.lib.github as gh

codeowners(b) := gh.fact(b, "codeowners_file")

deny contains gh.finding(b, "protection.require_code_owner_reviews", msg) if {
	some b in gh.branches
	gh.is_true(codeowners(b))
	f := gh.field(b, "require_code_owner_reviews")
	gh.is_false(f)
	msg := sprintf("branch %v has a CODEOWNERS file but code owner review is %v", [b.name, gh.not_set(f)])
}

# CODEOWNERS exists, the requirement cannot be read.
unknown contains gh.unknown_finding(b, "protection.require_code_owner_reviews", f) if {
	some b in gh.branches
	gh.is_true(codeowners(b))
	f := gh.field(b, "require_code_owner_reviews")
	not gh.is_known(f)
}

# Whether CODEOWNERS exists cannot be read, and the requirement is not on.
unknown contains gh.unknown_finding(b, "codeowners_file", c) if {
	some b in gh.branches
	c := codeowners(b)
	not gh.is_known(c)
	not gh.is_true(gh.field(b, "require_code_owner_reviews"))
}
