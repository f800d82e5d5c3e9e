# METADATA
# title: Rulesets that target the branch are enforced
# description: >-
#   A ruleset whose enforcement is "evaluate" or "disabled" protects
#   nothing: GitHub only records what it would have blocked. A disabled
#   ruleset on the default branch usually means protection was switched off
#   and never switched back on, while the settings page still shows rules.
# custom:
#   id: GATE-GH-017
#   severity: medium
#   remediation: |-
#     Set the ruleset's enforcement status to Active (Settings → Rules →
#     Rulesets → the ruleset → Enforcement status), or delete it if its rules
#     are not wanted.
#   controls:
#     soc2: [CC8.1]
#     iso27001_2022: [A.8.32]
#     nist_csf_2: [PR.PS-01]
#     nist_800_53r5: [CM-3, CM-5]
package gate.rules.github.rulesets_enforced

import rego.v1

import data.gate.lib.github as gh

not_enforced(b) := object.get(b, "rulesets_not_enforced", [])

deny contains gh.finding(b, sprintf("rulesets_not_enforced[%v]", [r.id]), msg) if {
	some b in gh.branches
	some r in not_enforced(b)
	r.targets_branch == true
	msg := sprintf("%v targets branch %v but its enforcement is %v: its rules (%v) do not protect the branch", [r.label, b.name, r.enforcement, concat(", ", r.rules)])
}

# A non-active ruleset whose target branches could not be read.
unknown contains gh.unknown_finding(b, sprintf("rulesets_not_enforced[%v]", [r.id]), {"reason": msg}) if {
	some b in gh.branches
	some r in not_enforced(b)
	r.targets_branch == null
	msg := sprintf("%v is %v and its target branches could not be read: %v", [r.label, r.enforcement, gh.reason(r)])
}

# The rulesets could not be listed at all.
unknown contains gh.unknown_finding(b, "rulesets", f) if {
	some b in gh.branches
	f := gh.fact(input, "rulesets")
	not gh.is_known(f)
}
