# METADATA
# title: Service account does not hold the Owner or Editor role
# description: >-
#   roles/owner or roles/editor on a project, folder or organization lets a
#   service account change almost every resource, so any workload or leaked
#   key for it controls the environment. Google-managed service agents
#   (service-NNN@..., NNN@cloudservices.gserviceaccount.com, gcp-sa-*
#   domains), which need such roles, are not flagged.
# custom:
#   id: GATE-GCP-IAM-002
#   severity: high
#   remediation: |-
#     Grant the service account the predefined roles it needs:
#     ```hcl
#     resource "google_project_iam_member" "app" {
#       project = var.project_id
#       role    = "roles/storage.objectViewer"
#       member  = "serviceAccount:${google_service_account.app.email}"
#     }
#     ```
#   resource_types: [google_project_iam_member, google_project_iam_binding, google_project_iam_policy, google_folder_iam_member, google_folder_iam_binding, google_folder_iam_policy, google_organization_iam_member, google_organization_iam_binding, google_organization_iam_policy]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.3]
#     iso27001_2022: [A.8.2]
#     nist_csf_2: [PR.AA-05]
#     nist_800_53r5: [AC-6, AC-6(5)]
package gate.rules.terraform.gcp.iam_service_account_basic_role

import rego.v1

import data.gate.lib.gcp
import data.gate.lib.terraform as tf

deny contains tf.finding(r, g.attr, msg) if {
	some r in gcp.iam_resources(gcp.hierarchy_iam_types)
	some g in gcp.iam_grants(r)
	g.role in gcp.basic_write_roles
	gcp.service_account_member(g.member)
	not service_agent(g.member)
	msg := sprintf("%s grants the basic role %s to %s", [r.address, g.role, g.member])
}

service_agent(m) if {
	email := substring(m, count("serviceAccount:"), -1)
	parts := split(email, "@")
	count(parts) == 2
	agent(parts[0], parts[1])
}

agent(local, _) if startswith(local, "service-")

agent(_, domain) if domain == "cloudservices.gserviceaccount.com"

agent(_, domain) if startswith(domain, "gcp-sa-")
