# METADATA
# title: VM blocks project-wide SSH keys
# description: >-
#   Unless an instance or template sets the metadata key
#   block-project-ssh-keys to true, every SSH key in the project metadata
#   opens it, so one leaked project-wide key reaches every VM. Instances
#   under OS Login (enable-oslogin true on the instance, or on the project
#   in this configuration without the instance turning it off) are not
#   checked, since OS Login ignores metadata keys.
# custom:
#   id: GATE-GCP-COMPUTE-001
#   severity: medium
#   remediation: |-
#     Block project-wide keys, or use OS Login:
#     ```hcl
#     resource "google_compute_instance" "this" {
#       metadata = {
#         block-project-ssh-keys = "true"
#       }
#     }
#     ```
#   resource_types: [google_compute_instance, google_compute_instance_template, google_compute_region_instance_template]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.5.15, A.8.5]
#     nist_csf_2: [PR.AA-05]
#     nist_800_53r5: [AC-3, IA-2]
package gate.rules.terraform.gcp.compute_project_ssh_keys

import rego.v1

import data.gate.lib.gcp
import data.gate.lib.terraform as tf

deny contains tf.finding(r, "metadata", msg) if {
	some r in gcp.instances
	gcp.metadata_known(r)
	not blocked(r)
	not gcp.metadata_unknown(r, "block-project-ssh-keys")
	not gcp.os_login_enabled(r)
	not gcp.os_login_undetermined(r)
	msg := sprintf("%s does not block project-wide SSH keys (metadata block-project-ssh-keys is not true)", [r.address])
}

blocked(r) if gcp.truthy(gcp.metadata_value(r, "block-project-ssh-keys"))
