# METADATA
# title: Cloud KMS key or key ring is not accessible to the public
# description: >-
#   A role on a crypto key or key ring granted to allUsers or
#   allAuthenticatedUsers (through google_kms_crypto_key_iam_* or
#   google_kms_key_ring_iam_* member, binding or policy resources) lets
#   anyone use or manage the key, and so decrypt whatever it protects.
# custom:
#   id: GATE-GCP-KMS-002
#   severity: critical
#   remediation: |-
#     Grant key roles to named service accounts only:
#     ```hcl
#     resource "google_kms_crypto_key_iam_member" "app" {
#       crypto_key_id = google_kms_crypto_key.this.id
#       role          = "roles/cloudkms.cryptoKeyEncrypterDecrypter"
#       member        = "serviceAccount:${google_service_account.app.email}"
#     }
#     ```
#   resource_types: [google_kms_crypto_key_iam_member, google_kms_crypto_key_iam_binding, google_kms_crypto_key_iam_policy, google_kms_key_ring_iam_member, google_kms_key_ring_iam_binding, google_kms_key_ring_iam_policy]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.5.15, A.8.24]
#     nist_csf_2: [PR.AA-05]
#     nist_800_53r5: [AC-3, SC-12]
package gate.rules.terraform.gcp.kms_public_access

import rego.v1

import data.gate.lib.gcp
import data.gate.lib.terraform as tf

iam_types := {
	"google_kms_crypto_key_iam_member", "google_kms_crypto_key_iam_binding", "google_kms_crypto_key_iam_policy",
	"google_kms_key_ring_iam_member", "google_kms_key_ring_iam_binding", "google_kms_key_ring_iam_policy",
}

deny contains tf.finding(r, g.attr, msg) if {
	some r in gcp.iam_resources(iam_types)
	some g in gcp.iam_grants(r)
	gcp.public_principal(g.member)
	msg := sprintf("%s grants %s on a Cloud KMS key to %s", [r.address, g.role, g.member])
}
