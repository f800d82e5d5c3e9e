# METADATA
# title: Cloud Storage bucket keeps object versions
# description: >-
#   Without object versioning an overwritten or deleted object cannot be
#   restored once any soft-delete window has passed, so a mistaken or
#   malicious write destroys the data. versioning is off unless a versioning
#   block sets enabled = true.
# custom:
#   id: GATE-GCP-STORAGE-004
#   severity: low
#   remediation: |-
#     Enable object versioning (and a lifecycle rule to expire old versions):
#     ```hcl
#     resource "google_storage_bucket" "this" {
#       name     = "example-bucket"
#       location = "EU"
#       versioning {
#         enabled = true
#       }
#     }
#     ```
#   resource_types: [google_storage_bucket]
#   sources: [plan, hcl]
#   controls:
#     soc2: [A1.2]
#     iso27001_2022: [A.8.13]
#     nist_csf_2: [PR.DS-11]
#     nist_800_53r5: [CP-9]
package gate.rules.terraform.gcp.storage_versioning

import rego.v1

import data.gate.lib.gcp
import data.gate.lib.terraform as tf

deny contains tf.finding(b, "versioning", msg) if {
	some b in tf.resources("google_storage_bucket")
	unversioned(b)
	msg := sprintf("Cloud Storage bucket %s does not enable object versioning", [b.address])
}

unversioned(b) if gcp.unset(b, "versioning")

unversioned(b) if b.values.versioning == []

unversioned(b) if tf.block(b, "versioning").enabled == false

unversioned(b) if {
	v := tf.block(b, "versioning")
	gcp.unset_in(b, v, "enabled", "versioning.enabled")
}
