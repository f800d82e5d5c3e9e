# METADATA
# title: Cloud Storage bucket uses uniform bucket-level access
# description: >-
#   Without uniform bucket-level access, object ACLs grant access alongside
#   IAM, so a single object can be shared (even publicly) without any IAM
#   change and access cannot be reviewed in one place. The provider default
#   of uniform_bucket_level_access is false, so an absent attribute fails.
# custom:
#   id: GATE-GCP-STORAGE-001
#   severity: medium
#   remediation: |-
#     Turn on uniform bucket-level access so that only IAM controls access:
#     ```hcl
#     resource "google_storage_bucket" "this" {
#       name                        = "example-bucket"
#       location                    = "EU"
#       uniform_bucket_level_access = true
#     }
#     ```
#   resource_types: [google_storage_bucket]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.5.15, A.8.3]
#     nist_csf_2: [PR.AA-05]
#     nist_800_53r5: [AC-3]
package gate.rules.terraform.gcp.storage_uniform_access

import rego.v1

import data.gate.lib.gcp
import data.gate.lib.terraform as tf

deny contains tf.finding(b, "uniform_bucket_level_access", msg) if {
	some b in tf.resources("google_storage_bucket")
	off(b)
	msg := sprintf("Cloud Storage bucket %s does not enable uniform bucket-level access, so object ACLs can grant access outside IAM", [b.address])
}

off(b) if tf.is_false(b, "uniform_bucket_level_access")

off(b) if gcp.unset(b, "uniform_bucket_level_access")
