# METADATA
# title: CODEOWNERS rule removes owners set by a catch-all
# description: >-
#   A rule with a pattern and no owners, after a catch-all (`*`), takes the
#   paths it matches out of code-owner review. This is sometimes meant (for
#   generated files) but often a leftover owner list; an explicit owner is
#   safer.
# custom:
#   id: GATE-REPO-013
#   severity: low
#   remediation: |-
#     Give the rule an owner, or remove it so the catch-all applies.
#   controls:
#     soc2: [CC8.1]
#     iso27001_2022: [A.8.32, A.8.4]
#     nist_csf_2: [ID.RA-07]
#     nist_800_53r5: [CM-3, CM-5]
package gate.rules.repo.codeowners_unowned

catch_all := {"*", "**", "/**", "**/*", "/**/*"}

deny contains {"resource": co.path, "attribute": sprintf("rules[%d]", [i]), "msg": msg} if {
	co := input.codeowners
	is_object(co)
	some j, all in co.rules
	all.pattern in catch_all
	count(all.owners) > 0
	some i, r in co.rules
	i > j
	count(r.owners) == 0
	not earlier_catch_all(co.rules, j)
	msg := sprintf("%s has no owners: it removes the owners the catch-all at line %v gives those paths", [r.pattern, all.line])
}

earlier_catch_all(rules, j) if {
	some k, r in rules
	k < j
	r.pattern in catch_all
	count(r.owners) > 0
}
