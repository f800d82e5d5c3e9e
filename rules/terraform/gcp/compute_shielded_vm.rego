# METADATA
# title: Shielded VM integrity features are not turned off
# description: >-
#   The virtual TPM and integrity monitoring of Shielded VM measure the boot
#   chain and report when it changes, which is how a rootkit or a tampered
#   boot image is noticed. Both default to on; the rule fires when a
#   shielded_instance_config block sets enable_vtpm or
#   enable_integrity_monitoring to false.
# custom:
#   id: GATE-GCP-COMPUTE-007
#   severity: low
#   remediation: |-
#     Keep the defaults, and turn on Secure Boot where the image allows:
#     ```hcl
#     shielded_instance_config {
#       enable_secure_boot          = true
#       enable_vtpm                 = true
#       enable_integrity_monitoring = true
#     }
#     ```
#   resource_types: [google_compute_instance, google_compute_instance_template, google_compute_region_instance_template]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC7.1]
#     iso27001_2022: [A.8.9]
#     nist_csf_2: [PR.PS-01]
#     nist_800_53r5: [SI-7]
package gate.rules.terraform.gcp.compute_shielded_vm

import rego.v1

import data.gate.lib.gcp
import data.gate.lib.terraform as tf

deny contains tf.finding(r, sprintf("shielded_instance_config[0].%s", [k]), msg) if {
	some r in gcp.instances
	c := tf.block(r, "shielded_instance_config")
	some k in ["enable_vtpm", "enable_integrity_monitoring"]
	c[k] == false
	msg := sprintf("%s turns off the Shielded VM feature %s", [r.address, k])
}
