# METADATA
# title: Project, folder or organization IAM does not grant roles to the public
# description: >-
#   A role granted to allUsers or allAuthenticatedUsers on a project, folder
#   or organization applies to every resource below it, for anyone on the
#   internet or anyone with a Google account.
# custom:
#   id: GATE-GCP-IAM-003
#   severity: critical
#   remediation: |-
#     Grant roles to named groups or service accounts:
#     ```hcl
#     resource "google_project_iam_member" "viewers" {
#       project = var.project_id
#       role    = "roles/viewer"
#       member  = "group:auditors@example.com"
#     }
#     ```
#   resource_types: [google_project_iam_member, google_project_iam_binding, google_project_iam_policy, google_folder_iam_member, google_folder_iam_binding, google_folder_iam_policy, google_organization_iam_member, google_organization_iam_binding, google_organization_iam_policy]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.5.15]
#     nist_csf_2: [PR.AA-05]
#     nist_800_53r5: [AC-3, AC-6]
package gate.rules.terraform.gcp.iam_public_principal

import rego.v1

import data.gate.lib.gcp
import data.gate.lib.terraform as tf

deny contains tf.finding(r, g.attr, msg) if {
	some r in gcp.iam_resources(gcp.hierarchy_iam_types)
	some g in gcp.iam_grants(r)
	gcp.public_principal(g.member)
	msg := sprintf("%s grants %s to %s on the whole resource hierarchy below it", [r.address, g.role, g.member])
}
