# METADATA
# title: Service account keys are not created by Terraform
# description: >-
#   A google_service_account_key without public_key_data makes Google
#   generate a private key that Terraform stores in its state, where anyone
#   who can read the state can use it indefinitely. Prefer Workload Identity
#   Federation, attached service accounts or impersonation. Keys created
#   from an uploaded public key (public_key_data set) keep the private key
#   outside Terraform and are not flagged.
# custom:
#   id: GATE-GCP-IAM-005
#   severity: medium
#   remediation: |-
#     Remove the key and grant impersonation instead:
#     ```hcl
#     resource "google_service_account_iam_member" "ci" {
#       service_account_id = google_service_account.app.name
#       role               = "roles/iam.serviceAccountTokenCreator"
#       member             = "principalSet://iam.googleapis.com/${google_iam_workload_identity_pool.ci.name}/*"
#     }
#     ```
#   resource_types: [google_service_account_key]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.5.17]
#     nist_csf_2: [PR.AA-01]
#     nist_800_53r5: [IA-5]
package gate.rules.terraform.gcp.iam_service_account_key

import rego.v1

import data.gate.lib.gcp
import data.gate.lib.terraform as tf

deny contains tf.finding(r, "", msg) if {
	some r in tf.resources("google_service_account_key")
	gcp.unset(r, "public_key_data")
	msg := sprintf("%s creates a user-managed service account key whose private key is kept in Terraform state", [r.address])
}
