# METADATA
# title: Interactive serial console is not enabled
# description: >-
#   The metadata key serial-port-enable = true opens the VM's interactive
#   serial console, which accepts connections from any address and is not
#   filtered by VPC firewall rules. It is off by default; the rule fires on
#   an explicit true on an instance, an instance template or the project
#   metadata.
# custom:
#   id: GATE-GCP-COMPUTE-002
#   severity: medium
#   remediation: |-
#     Remove serial-port-enable or set it to false:
#     ```hcl
#     metadata = {
#       serial-port-enable = "false"
#     }
#     ```
#   resource_types: [google_compute_instance, google_compute_instance_template, google_compute_region_instance_template, google_compute_project_metadata, google_compute_project_metadata_item]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.6]
#     iso27001_2022: [A.8.20]
#     nist_csf_2: [PR.IR-01]
#     nist_800_53r5: [AC-17, CM-7]
package gate.rules.terraform.gcp.compute_serial_port

import rego.v1

import data.gate.lib.gcp
import data.gate.lib.terraform as tf

deny contains tf.finding(r, "metadata", msg) if {
	some r in array.concat(gcp.instances, tf.resources("google_compute_project_metadata"))
	gcp.truthy(gcp.metadata_value(r, "serial-port-enable"))
	msg := sprintf("%s enables the interactive serial console (serial-port-enable is true)", [r.address])
}

deny contains tf.finding(r, "value", msg) if {
	some r in tf.resources("google_compute_project_metadata_item")
	r.values.key == "serial-port-enable"
	gcp.truthy(r.values.value)
	msg := sprintf("%s enables the interactive serial console for the whole project", [r.address])
}
