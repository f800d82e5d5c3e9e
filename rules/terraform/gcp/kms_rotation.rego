# METADATA
# title: Cloud KMS symmetric key rotates at least every 90 days
# description: >-
#   A key that never rotates (no rotation_period) or rotates rarely protects
#   ever more data with one key version, so a leaked version exposes more
#   and cryptoperiod policies are broken. Only keys that Cloud KMS can
#   rotate are checked: purpose ENCRYPT_DECRYPT (the default), not
#   import_only, and not held in an external key manager (protection level
#   EXTERNAL or EXTERNAL_VPC). The longest allowed period is the max_days
#   parameter (90 by default).
# custom:
#   id: GATE-GCP-KMS-001
#   severity: medium
#   remediation: |-
#     Set a rotation period of 90 days or less:
#     ```hcl
#     resource "google_kms_crypto_key" "this" {
#       name            = "app"
#       key_ring        = google_kms_key_ring.this.id
#       rotation_period = "7776000s" # 90 days
#     }
#     ```
#   resource_types: [google_kms_crypto_key]
#   sources: [plan, hcl]
#   params:
#     max_days: 90
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.8.24]
#     nist_csf_2: [PR.DS-01]
#     nist_800_53r5: [SC-12]
package gate.rules.terraform.gcp.kms_rotation

import rego.v1

import data.gate.lib.gcp
import data.gate.lib.params
import data.gate.lib.terraform as tf

max_days := params.param("GATE-GCP-KMS-001", "max_days", 90)

deny contains tf.finding(k, "rotation_period", msg) if {
	some k in rotatable
	gcp.unset(k, "rotation_period")
	msg := sprintf("Cloud KMS key %s has no rotation_period, so it is never rotated", [k.address])
}

deny contains tf.finding(k, "rotation_period", msg) if {
	some k in rotatable
	secs := gcp.duration_seconds(k.values.rotation_period)
	is_number(max_days)
	secs > max_days * 86400
	msg := sprintf("Cloud KMS key %s has rotation_period %s, longer than %v days", [k.address, k.values.rotation_period, max_days])
}

rotatable contains k if {
	some k in tf.resources("google_kms_crypto_key")
	symmetric(k)
	not_import_only(k)
	software_or_hsm(k)
}

symmetric(k) if gcp.unset(k, "purpose")

symmetric(k) if k.values.purpose == "ENCRYPT_DECRYPT"

not_import_only(k) if gcp.unset(k, "import_only")

not_import_only(k) if k.values.import_only == false

# software_or_hsm(k): the key versions live in Cloud KMS (protection level
# SOFTWARE, the default, or HSM), not in an external key manager.
software_or_hsm(k) if gcp.unset(k, "version_template")

software_or_hsm(k) if k.values.version_template == []

software_or_hsm(k) if tf.block(k, "version_template").protection_level in {"SOFTWARE", "HSM"}

software_or_hsm(k) if {
	vt := tf.block(k, "version_template")
	gcp.unset_in(k, vt, "protection_level", "version_template.protection_level")
}
