# METADATA
# title: Repository has no CODEOWNERS file
# description: >-
#   Without CODEOWNERS no one is required to review changes to a given part of
#   the repository, so branch protection's "require review from code owners"
#   has nothing to enforce. GitHub reads .github/CODEOWNERS, CODEOWNERS or
#   docs/CODEOWNERS.
# custom:
#   id: GATE-REPO-010
#   severity: medium
#   remediation: |-
#     Add .github/CODEOWNERS with a default owner and owners for sensitive paths:
#     ```
#     *                   @org/maintainers
#     /.github/           @org/platform
#     /infra/             @org/platform
#     ```
#   controls:
#     soc2: [CC8.1]
#     iso27001_2022: [A.8.32, A.8.4]
#     nist_csf_2: [ID.RA-07]
#     nist_800_53r5: [CM-3, CM-5]
package gate.rules.repo.codeowners_missing

deny contains {"resource": ".github/CODEOWNERS", "msg": "no CODEOWNERS file in .github/, the root or docs/: no one is required to review any change"} if {
	input.codeowners == null
}
