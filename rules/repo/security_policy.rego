# METADATA
# title: Repository has no security policy
# description: >-
#   SECURITY.md tells people who find a vulnerability how to report it
#   privately. Without it reports arrive as public issues, or not at all.
#   GitHub reads it from the root, .github/ or docs/.
# custom:
#   id: GATE-REPO-015
#   severity: low
#   remediation: |-
#     Add SECURITY.md with the supported versions and a private reporting
#     channel (GitHub private vulnerability reporting or an e-mail address).
#   controls:
#     soc2: [CC2.3]
#     iso27001_2022: [A.8.8, A.5.24]
#     nist_csf_2: [ID.RA-08]
#     nist_800_53r5: [RA-5(11)]
package gate.rules.repo.security_policy

deny contains {"resource": "SECURITY.md", "msg": "no SECURITY.md in the root, .github/ or docs/: there is no documented way to report a vulnerability"} if {
	input.security_md == null
}

deny contains {"resource": input.security_md.path, "msg": sprintf("%s is empty", [input.security_md.path])} if {
	input.security_md.size == 0
}
