# METADATA
# title: Commits on the branch must be signed
# description: >-
#   Required signatures make every commit on the branch carry a verified
#   GPG, SSH or S/MIME signature, tying it to a key rather than to a
#   self-declared author name. Off by default: set the parameter required to
#   true where the organization mandates signed commits.
# custom:
#   id: GATE-GH-015
#   severity: low
#   remediation: |-
#     Turn on "Require signed commits" (ruleset rule `required_signatures`,
#     classic `required_signatures`) and enable this check:
#     ```yaml
#     params:
#       GATE-GH-015: {required: true}
#     ```
#   controls:
#     soc2: [CC8.1]
#     iso27001_2022: [A.8.24, A.8.32]
#     nist_csf_2: [PR.PS-01]
#     nist_800_53r5: [SI-7, AU-10]
#   params:
#     required: false
package gate.rules.github.signed_commits

import rego.v1

import data.gate.lib.github as gh
import data.gate.lib.params

enabled if params.param("GATE-GH-015", "required", false) == true

deny contains gh.finding(b, "protection.required_signatures", msg) if {
	enabled
	some b in gh.branches
	f := gh.field(b, "required_signatures")
	gh.is_false(f)
	msg := sprintf("branch %v accepts unsigned commits: required signatures are %v", [b.name, gh.not_set(f)])
}

unknown contains gh.unknown_finding(b, "protection.required_signatures", f) if {
	enabled
	some b in gh.branches
	f := gh.field(b, "required_signatures")
	not gh.is_known(f)
}
