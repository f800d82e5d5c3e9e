# METADATA
# title: VM does not run as the default service account with full API access
# description: >-
#   The Compute Engine default service account usually holds the Editor
#   role; with the cloud-platform scope any process on the VM (or anyone who
#   reaches its metadata server) can use all of it. A service_account block
#   without an email uses the default account; in a plan the email is then
#   computed (unknown with no reference). VMs without a service_account
#   block run without a service account and are not flagged.
# custom:
#   id: GATE-GCP-COMPUTE-003
#   severity: high
#   remediation: |-
#     Run the VM as a dedicated, least-privilege service account:
#     ```hcl
#     service_account {
#       email  = google_service_account.app.email
#       scopes = ["cloud-platform"]
#     }
#     ```
#   resource_types: [google_compute_instance, google_compute_instance_template, google_compute_region_instance_template]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.3]
#     iso27001_2022: [A.8.2, A.5.15]
#     nist_csf_2: [PR.AA-05]
#     nist_800_53r5: [AC-6]
package gate.rules.terraform.gcp.compute_default_sa_full_scope

import rego.v1

import data.gate.lib.gcp
import data.gate.lib.terraform as tf

full_scopes := {"cloud-platform", "https://www.googleapis.com/auth/cloud-platform"}

deny contains tf.finding(r, "service_account[0].scopes", msg) if {
	some r in gcp.instances
	sa := tf.block(r, "service_account")
	default_account(r, sa)
	scopes := sa.scopes
	is_array(scopes)
	some s in scopes
	s in full_scopes
	msg := sprintf("%s runs as the Compute Engine default service account with the cloud-platform scope", [r.address])
}

default_account(_, sa) if {
	is_string(sa.email)
	regex.match(`^[0-9]+-compute@developer\.gserviceaccount\.com$`, sa.email)
}

default_account(_, sa) if sa.email in {"", "default"}

default_account(r, sa) if gcp.unset_in(r, sa, "email", "service_account.email")
