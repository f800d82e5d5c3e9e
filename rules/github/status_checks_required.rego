# METADATA
# title: Status checks must pass before merging
# description: >-
#   The branch must require at least one status check, so that CI (and the
#   gate itself) has to pass before a pull request can merge. Optional
#   parameters: require_strict demands that branches be up to date with the
#   base before merging; required_checks lists check names (such as the
#   gate's own job) that must be among the required checks.
# custom:
#   id: GATE-GH-010
#   severity: medium
#   remediation: |-
#     Add required status checks: ruleset rule "Require status checks to
#     pass" (`required_status_checks`, with "Require branches to be up to
#     date" for strict), or classic "Require status checks to pass before
#     merging". Include the job that runs `gate check`.
#     ```yaml
#     params:
#       GATE-GH-010: {require_strict: true, required_checks: [gate]}
#     ```
#   controls:
#     soc2: [CC8.1]
#     iso27001_2022: [A.8.29, A.8.32]
#     nist_csf_2: [PR.PS-06]
#     nist_800_53r5: [SA-11, CM-3]
#   params:
#     require_strict: false
#     required_checks: []
package gate.rules.github.status_checks_required

import rego.v1

import data.gate.lib.github as gh
import data.gate.lib.params

require_strict if params.param("GATE-GH-010", "require_strict", false) == true

required_checks := {c |
	l := params.param("GATE-GH-010", "required_checks", [])
	is_array(l)
	some c in l
	is_string(c)
}

checks(b) := gh.field(b, "required_status_checks")

# seen(b) are the check names known to be required (all of them when the
# field is known, those of the readable sources otherwise).
seen(b) := {c | some c in checks(b).value} if gh.is_known(checks(b))
else := {c | some c in object.get(checks(b), "at_least", [])}

deny contains gh.finding(b, "protection.required_status_checks", msg) if {
	some b in gh.branches
	f := checks(b)
	gh.is_known(f)
	count(f.value) == 0
	msg := sprintf("branch %v requires no status checks (%v)", [b.name, gh.source(f)])
}

deny contains gh.finding(b, "protection.required_status_checks", msg) if {
	some b in gh.branches
	f := checks(b)
	gh.is_known(f)
	count(f.value) > 0
	missing := required_checks - seen(b)
	count(missing) > 0
	msg := sprintf("branch %v does not require check(s) %v (required: %v)", [b.name, concat(", ", sort(missing)), concat(", ", sort(seen(b)))])
}

deny contains gh.finding(b, "protection.strict_status_checks", msg) if {
	require_strict
	some b in gh.branches
	f := gh.field(b, "strict_status_checks")
	gh.is_false(f)
	msg := sprintf("branch %v does not require pull requests to be up to date before merging: strict status checks are %v", [b.name, gh.not_set(f)])
}

unknown contains gh.unknown_finding(b, "protection.required_status_checks", f) if {
	some b in gh.branches
	f := checks(b)
	not gh.is_known(f)
	not readable_sources_suffice(b)
}

unknown contains gh.unknown_finding(b, "protection.strict_status_checks", f) if {
	require_strict
	some b in gh.branches
	f := gh.field(b, "strict_status_checks")
	not gh.is_known(f)
}

# readable_sources_suffice: the sources that could be read already require
# checks, including every configured one.
readable_sources_suffice(b) if {
	count(seen(b)) > 0
	count(required_checks - seen(b)) == 0
}
