# METADATA
# title: KMS key rotation is enabled
# description: >-
#   Automatic rotation gives a customer managed key new key material every
#   year (or the configured period), limiting how much data one key version
#   protects and how long a leaked version is useful. The rule fails an
#   aws_kms_key whose enable_key_rotation is false or absent (the default).
#   Rotation exists only for symmetric encryption keys in AWS-managed key
#   material, so keys with another key spec (asymmetric, HMAC) or in a custom
#   key store (custom_key_store_id, xks_key_id) are skipped, as is a key whose
#   spec is unknown.
# custom:
#   id: GATE-AWS-KMS-001
#   severity: medium
#   remediation: |-
#     Turn on automatic rotation:
#     ```hcl
#     resource "aws_kms_key" "this" {
#       description             = "application data"
#       enable_key_rotation     = true
#       rotation_period_in_days = 365
#     }
#     ```
#   resource_types: [aws_kms_key]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.8.24]
#     nist_csf_2: [PR.DS-01]
#     nist_800_53r5: [SC-12]
package gate.rules.terraform.aws.kms_key_rotation

import rego.v1

import data.gate.lib.aws
import data.gate.lib.terraform as tf

deny contains tf.finding(k, "enable_key_rotation", msg) if {
	some k in aws.managed("aws_kms_key")
	tf.missing_or_false(k, "enable_key_rotation")
	symmetric(k)
	aws.empty(object.get(k.values, "custom_key_store_id", null))
	aws.empty(object.get(k.values, "xks_key_id", null))
	msg := sprintf("KMS key %s does not enable automatic key rotation", [k.address])
}

# symmetric(k): the key spec is SYMMETRIC_DEFAULT (absent or null means so).
symmetric(k) if {
	every a in ["customer_master_key_spec", "key_spec"] {
		spec_symmetric(object.get(k.values, a, null))
	}
}

spec_symmetric(v) if v == null

spec_symmetric(v) if v == "SYMMETRIC_DEFAULT"
