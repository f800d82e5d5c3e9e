# METADATA
# title: Pull requests need enough approving reviews
# description: >-
#   Every pull request into the branch must be approved by at least
#   required_approvals reviewers other than the author (default 1). With
#   several sources (classic protection, repository and organization
#   rulesets) the largest count applies; when one source cannot be read the
#   rule still passes if the sources it can read already require enough.
# custom:
#   id: GATE-GH-003
#   severity: high
#   remediation: |-
#     Set "Required approvals" to at least the configured number (ruleset
#     pull_request parameter `required_approving_review_count`, classic
#     `required_approving_review_count`). Change the threshold in .gate.yaml:
#     ```yaml
#     params:
#       GATE-GH-003: {required_approvals: 2}
#     ```
#   controls:
#     soc2: [CC8.1]
#     iso27001_2022: [A.8.32, A.5.3]
#     nist_csf_2: [PR.PS-01, PR.AA-05]
#     nist_800_53r5: [CM-3, AC-5]
#   params:
#     required_approvals: 1
package gate.rules.github.required_approvals

import rego.v1

import data.gate.lib.github as gh
import data.gate.lib.params

configured := params.param("GATE-GH-003", "required_approvals", 1)

# minimum is the configured threshold; a non-number falls back to 1.
minimum := configured if is_number(configured) else := 1

deny contains gh.finding(b, "protection.required_approvals", msg) if {
	some b in gh.branches
	f := gh.field(b, "required_approvals")
	gh.is_known(f)
	is_number(f.value)
	f.value < minimum
	msg := sprintf("branch %v requires %v approving review(s), fewer than %v (%v)", [b.name, f.value, minimum, gh.source(f)])
}

# A known value that is not a number cannot be judged.
unknown contains gh.unknown_finding(b, "protection.required_approvals", {"reason": sprintf("required_approvals is not a number: %v", [f.value])}) if {
	some b in gh.branches
	f := gh.field(b, "required_approvals")
	gh.is_known(f)
	not is_number(f.value)
}

unknown contains gh.unknown_finding(b, "protection.required_approvals", f) if {
	some b in gh.branches
	f := gh.field(b, "required_approvals")
	not gh.is_known(f)
	not enough_already(f)
}

# enough_already: the sources that could be read require enough on their own.
enough_already(f) if {
	is_number(f.at_least)
	f.at_least >= minimum
}
