# METADATA
# title: Secret scanning and push protection are on
# description: >-
#   Secret scanning finds credentials committed to the repository, and push
#   protection blocks pushes that contain them before they land. GitHub
#   returns these settings (security_and_analysis) only to repository
#   admins and security managers; for private repositories they need GitHub
#   Secret Protection (Advanced Security).
# custom:
#   id: GATE-GH-012
#   severity: high
#   remediation: |-
#     Settings → Code security → Secret Protection: enable secret scanning
#     and push protection, or with the GitHub CLI:
#     ```sh
#     gh api -X PATCH repos/OWNER/REPO --input - <<'JSON'
#     {"security_and_analysis": {"secret_scanning": {"status": "enabled"},
#      "secret_scanning_push_protection": {"status": "enabled"}}}
#     JSON
#     ```
#   controls:
#     soc2: [CC6.1, CC7.1]
#     iso27001_2022: [A.5.17, A.8.12]
#     nist_csf_2: [PR.AA-01, DE.CM-09]
#     nist_800_53r5: [IA-5(7), SI-4]
package gate.rules.github.secret_scanning

import rego.v1

import data.gate.lib.github as gh

sa := input.repository.security_and_analysis if is_object(input.repository.security_and_analysis) else := {}

features := {
	"secret_scanning": "secret scanning",
	"secret_scanning_push_protection": "secret scanning push protection",
}

deny contains gh.repo_finding(sprintf("security_and_analysis.%v", [key]), msg) if {
	some key, name in features
	f := gh.fact(sa, key)
	gh.is_false(f)
	msg := sprintf("%v is disabled on %v", [name, gh.repo])
}

unknown contains gh.repo_unknown(sprintf("security_and_analysis.%v", [key]), f) if {
	some key, _ in features
	f := gh.fact(sa, key)
	not gh.is_known(f)
}
