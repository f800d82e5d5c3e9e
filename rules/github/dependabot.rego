# METADATA
# title: Dependabot alerts and security updates are on
# description: >-
#   Vulnerability alerts (Dependabot alerts) report dependencies with known
#   vulnerabilities; Dependabot security updates open pull requests that fix
#   them. Both settings are visible only with repository administration
#   read access.
# custom:
#   id: GATE-GH-013
#   severity: medium
#   remediation: |-
#     Settings → Code security → enable Dependabot alerts and Dependabot
#     security updates, or:
#     ```sh
#     gh api -X PUT repos/OWNER/REPO/vulnerability-alerts
#     gh api -X PUT repos/OWNER/REPO/automated-security-fixes
#     ```
#   controls:
#     soc2: [CC7.1]
#     iso27001_2022: [A.8.8]
#     nist_csf_2: [ID.RA-01, PR.PS-02]
#     nist_800_53r5: [RA-5, SI-2]
package gate.rules.github.dependabot

import rego.v1

import data.gate.lib.github as gh

repository := input.repository if is_object(input.repository) else := {}

sa := repository.security_and_analysis if is_object(repository.security_and_analysis) else := {}

alerts := gh.fact(repository, "vulnerability_alerts")

updates := gh.fact(sa, "dependabot_security_updates")

deny contains gh.repo_finding("vulnerability_alerts", msg) if {
	gh.is_false(alerts)
	msg := sprintf("Dependabot vulnerability alerts are disabled on %v", [gh.repo])
}

deny contains gh.repo_finding("security_and_analysis.dependabot_security_updates", msg) if {
	gh.is_false(updates)
	msg := sprintf("Dependabot security updates are disabled on %v", [gh.repo])
}

unknown contains gh.repo_unknown("vulnerability_alerts", alerts) if not gh.is_known(alerts)

unknown contains gh.repo_unknown("security_and_analysis.dependabot_security_updates", updates) if not gh.is_known(updates)
