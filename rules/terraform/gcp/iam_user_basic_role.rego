# METADATA
# title: Individual users are not granted the Owner or Editor role
# description: >-
#   roles/owner and roles/editor granted directly to a user: account on a
#   project, folder or organization give one person near-total control,
#   outside group membership reviews and joiner/leaver processes. Grants to
#   groups, and predefined roles, are not flagged.
# custom:
#   id: GATE-GCP-IAM-004
#   severity: low
#   remediation: |-
#     Grant predefined roles to a group that is reviewed:
#     ```hcl
#     resource "google_project_iam_member" "admins" {
#       project = var.project_id
#       role    = "roles/compute.admin"
#       member  = "group:platform-admins@example.com"
#     }
#     ```
#   resource_types: [google_project_iam_member, google_project_iam_binding, google_project_iam_policy, google_folder_iam_member, google_folder_iam_binding, google_folder_iam_policy, google_organization_iam_member, google_organization_iam_binding, google_organization_iam_policy]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.3]
#     iso27001_2022: [A.8.2, A.5.18]
#     nist_csf_2: [PR.AA-05]
#     nist_800_53r5: [AC-6, AC-2]
package gate.rules.terraform.gcp.iam_user_basic_role

import rego.v1

import data.gate.lib.gcp
import data.gate.lib.terraform as tf

deny contains tf.finding(r, g.attr, msg) if {
	some r in gcp.iam_resources(gcp.hierarchy_iam_types)
	some g in gcp.iam_grants(r)
	g.role in gcp.basic_write_roles
	startswith(g.member, "user:")
	msg := sprintf("%s grants the basic role %s directly to %s", [r.address, g.role, g.member])
}
