# METADATA
# title: The organization requires two-factor authentication
# description: >-
#   Every member and outside collaborator of the organization that owns the
#   repository must have two-factor authentication; a password alone is
#   enough to push code or approve pull requests otherwise. GitHub shows
#   the setting only to organization owners; repositories owned by a user
#   account are out of scope.
# custom:
#   id: GATE-GH-011
#   severity: high
#   remediation: |-
#     Organization settings → Authentication security → "Require two-factor
#     authentication for everyone in the organization". To let the gate see
#     it, run it with a token of an organization owner (classic scope
#     admin:org or read:org as owner; fine-grained "Administration"
#     organization permission, read).
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.5.17, A.8.5]
#     nist_csf_2: [PR.AA-03]
#     nist_800_53r5: [IA-2(1), IA-2(2)]
package gate.rules.github.org_2fa

import rego.v1

import data.gate.lib.github as gh

org := input.organization if is_object(input.organization) else := {"applicable": "unknown"}

applicable if org.applicable == true

twofa := gh.fact(org, "two_factor_requirement_enabled")

deny contains gh.repo_finding("organization.two_factor_requirement_enabled", msg) if {
	applicable
	gh.is_false(twofa)
	msg := sprintf("organization %v does not require two-factor authentication", [object.get(org, "login", "")])
}

unknown contains gh.repo_unknown("organization.two_factor_requirement_enabled", twofa) if {
	applicable
	not gh.is_known(twofa)
}

unknown contains gh.repo_unknown("organization", {"reason": "organization missing from the input document"}) if {
	not is_boolean(org.applicable)
}
