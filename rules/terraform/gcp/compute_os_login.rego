# METADATA
# title: OS Login is enabled
# description: >-
#   Without OS Login, SSH access to VMs is granted by keys pasted into
#   metadata, which never expire, are not tied to an identity and bypass
#   IAM and 2-step verification. The rule fires on a
#   google_compute_project_metadata resource (authoritative for all project
#   metadata) that does not set enable-oslogin to true, on a
#   google_compute_project_metadata_item that sets it to false, and on an
#   instance or template whose metadata turns it off.
# custom:
#   id: GATE-GCP-COMPUTE-006
#   severity: medium
#   remediation: |-
#     Enable OS Login for the project:
#     ```hcl
#     resource "google_compute_project_metadata_item" "oslogin" {
#       key   = "enable-oslogin"
#       value = "TRUE"
#     }
#     ```
#   resource_types: [google_compute_project_metadata, google_compute_project_metadata_item, google_compute_instance, google_compute_instance_template, google_compute_region_instance_template]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1, CC6.2]
#     iso27001_2022: [A.5.16, A.8.5]
#     nist_csf_2: [PR.AA-01]
#     nist_800_53r5: [IA-2, AC-2]
package gate.rules.terraform.gcp.compute_os_login

import rego.v1

import data.gate.lib.gcp
import data.gate.lib.terraform as tf

deny contains tf.finding(r, "metadata", msg) if {
	some r in tf.resources("google_compute_project_metadata")
	gcp.metadata(r)
	v := object.get(gcp.metadata(r), "enable-oslogin", null)
	not gcp.truthy(v)
	not tf.is_unknown(v)
	msg := sprintf("Project metadata %s does not enable OS Login (enable-oslogin is not true)", [r.address])
}

deny contains tf.finding(r, "value", msg) if {
	some r in tf.resources("google_compute_project_metadata_item")
	r.values.key == "enable-oslogin"
	gcp.falsy(r.values.value)
	msg := sprintf("%s turns OS Login off for the project", [r.address])
}

deny contains tf.finding(r, "metadata", msg) if {
	some r in gcp.instances
	gcp.falsy(gcp.metadata_value(r, "enable-oslogin"))
	msg := sprintf("%s turns OS Login off (metadata enable-oslogin is false)", [r.address])
}
