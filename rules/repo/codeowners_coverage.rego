# METADATA
# title: Sensitive paths have no code owner
# description: >-
#   Workflows (which hold the CI's secrets and token), the CODEOWNERS file
#   itself (which decides who reviews) and Terraform (which changes
#   infrastructure) must have an owner so that a change to them needs that
#   owner's review. The last matching CODEOWNERS rule decides; a rule without
#   owners leaves the paths it matches unowned. Terraform directories
#   matching `ignore_directories` (test fixtures by default) are skipped.
# custom:
#   id: GATE-REPO-012
#   severity: medium
#   remediation: |-
#     Give the paths an owner after any broader rule:
#     ```
#     /.github/            @org/platform
#     /infra/              @org/platform
#     ```
#   params:
#     ignore_directories: ['**/testdata', '**/testdata/**', '**/fixtures', '**/fixtures/**']
#   controls:
#     soc2: [CC8.1, CC6.3]
#     iso27001_2022: [A.8.32, A.8.4, A.5.3]
#     nist_csf_2: [ID.RA-07, PR.AA-05]
#     nist_800_53r5: [CM-3, CM-5, AC-5]
package gate.rules.repo.codeowners_coverage

import data.gate.lib.params

ignored := params.param("GATE-REPO-012", "ignore_directories", ["**/testdata", "**/testdata/**", "**/fixtures", "**/fixtures/**"])

what := {"workflow": "workflow", "codeowners": "the CODEOWNERS file", "terraform": "Terraform directory"}

usable(co) if {
	is_object(co)
	not co.error
}

# A finding lands on the rule that un-owns the path, or on the file.
attribute(c) := sprintf("rules[%v]", [c.rule]) if {
	c.rule >= 0
} else := ""

why(c) := sprintf("the rule at line %v has no owners", [c.line]) if {
	c.rule >= 0
} else := "no rule matches it"

ignored_dir(d) if {
	some p in ignored
	glob.match(p, ["/"], d)
}

deny contains {"resource": co.path, "attribute": attribute(c), "msg": msg} if {
	co := input.codeowners
	usable(co)
	some c in co.coverage
	c.kind != "terraform"
	count(c.owners) == 0
	msg := sprintf("%s %s has no code owner: %s", [what[c.kind], c.path, why(c)])
}

deny contains {"resource": co.path, "attribute": attribute(c), "msg": msg} if {
	co := input.codeowners
	usable(co)
	some c in co.coverage
	c.kind == "terraform"
	count(c.owners) == 0
	not ignored_dir(c.directory)
	msg := sprintf("%s %s has files without a code owner: %s", [what[c.kind], c.directory, why(c)])
}
