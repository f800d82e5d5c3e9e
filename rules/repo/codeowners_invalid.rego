# METADATA
# title: CODEOWNERS line GitHub cannot use
# description: >-
#   GitHub skips every CODEOWNERS line with invalid syntax — a negated
#   pattern, a malformed owner, a GitLab section header — so the paths it
#   was meant to protect silently lose their owners.
# custom:
#   id: GATE-REPO-011
#   severity: medium
#   remediation: |-
#     Fix the line: patterns use gitignore syntax without `!` negation, and
#     owners are `@user`, `@org/team` or an e-mail address. GitHub shows the
#     same errors on the CODEOWNERS file's page.
#   controls:
#     soc2: [CC8.1]
#     iso27001_2022: [A.8.32, A.8.4]
#     nist_csf_2: [ID.RA-07]
#     nist_800_53r5: [CM-3, CM-5]
package gate.rules.repo.codeowners_invalid

deny contains {"resource": co.path, "attribute": sprintf("errors[%d]", [i]), "msg": msg} if {
	co := input.codeowners
	is_object(co)
	some i, e in co.errors
	msg := sprintf("line %v is skipped by GitHub: %s", [e.line, e.message])
}
