# METADATA
# title: Nobody can bypass the branch's protection
# description: >-
#   Administrators must be subject to branch protection (classic
#   enforce_admins on) and no active ruleset may list bypass actors with
#   bypass mode "always" (or "exempt"): they can push to the branch without
#   a pull request, a review or the required checks. Bypass allowed only
#   through pull requests (mode "pull_request") passes, because the merge
#   still goes through a pull request that records who bypassed. Classic
#   "allow specified actors to bypass required pull requests" counts as
#   always.
# custom:
#   id: GATE-GH-007
#   severity: high
#   remediation: |-
#     Classic protection: turn on "Do not allow bypassing the above settings"
#     (enforce_admins) and empty the pull-request bypass list. Rulesets:
#     remove bypass actors, or set their bypass mode to "For pull requests
#     only". Break-glass access belongs in a documented exception, not in a
#     standing bypass.
#   controls:
#     soc2: [CC6.1, CC8.1]
#     iso27001_2022: [A.8.2, A.8.32]
#     nist_csf_2: [PR.AA-05]
#     nist_800_53r5: [AC-6, CM-5]
package gate.rules.github.no_bypass

import rego.v1

import data.gate.lib.github as gh

bypass(b) := object.get(b, "bypass", {"known": false, "reason": "bypass missing from the input document"})

always(b) := [a |
	some a in object.get(bypass(b), "actors", [])
	a.mode == "always"
]

deny contains gh.finding(b, "bypass", msg) if {
	some b in gh.branches
	actors := always(b)
	count(actors) > 0
	names := [sprintf("%v via %v", [a.actor, a.source]) | some a in actors]
	msg := sprintf("branch %v can be changed without its protection by: %v", [b.name, concat("; ", names)])
}

unknown contains gh.unknown_finding(b, "bypass", f) if {
	some b in gh.branches
	f := bypass(b)
	not gh.is_known(f)
	count(always(b)) == 0
}
