# METADATA
# title: Cloud Storage bucket enforces public access prevention
# description: >-
#   With public_access_prevention "enforced" no IAM binding or ACL can make
#   the bucket or its objects public, whatever is granted later. The default,
#   "inherited", only blocks public access when the organization policy
#   constraint storage.publicAccessPrevention applies, which the
#   configuration cannot show; an absent attribute is read as "inherited".
#   Buckets that serve a static website (a website block) are meant to be
#   public and are not checked.
# custom:
#   id: GATE-GCP-STORAGE-002
#   severity: low
#   remediation: |-
#     Enforce public access prevention on the bucket:
#     ```hcl
#     resource "google_storage_bucket" "this" {
#       name                     = "example-bucket"
#       location                 = "EU"
#       public_access_prevention = "enforced"
#     }
#     ```
#   resource_types: [google_storage_bucket]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.8.3]
#     nist_csf_2: [PR.AA-05]
#     nist_800_53r5: [AC-3]
package gate.rules.terraform.gcp.storage_public_access_prevention

import rego.v1

import data.gate.lib.gcp
import data.gate.lib.terraform as tf

deny contains tf.finding(b, "public_access_prevention", msg) if {
	some b in tf.resources("google_storage_bucket")
	inherited(b)
	not website(b)
	msg := sprintf("Cloud Storage bucket %s does not enforce public access prevention (public_access_prevention is not \"enforced\")", [b.address])
}

inherited(b) if b.values.public_access_prevention == "inherited"

inherited(b) if gcp.unset(b, "public_access_prevention")

website(b) if count(tf.blocks(b, "website")) > 0

website(b) if {
	tf.has_unknown(b, "website")
	not gcp.computed_default(b, "website")
}
