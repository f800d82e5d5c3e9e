# METADATA
# title: VM has no external IPv4 address
# description: >-
#   An access_config block in a network_interface (even an empty one) gives
#   the VM an external IPv4 address, so it is reachable from the internet as
#   far as firewall rules allow and can reach the internet without a NAT
#   that is logged and controlled. Instances and templates are checked;
#   external IPv6 (ipv6_access_config) is not.
# custom:
#   id: GATE-GCP-COMPUTE-005
#   severity: medium
#   remediation: |-
#     Remove the access_config block and reach the internet through Cloud
#     NAT, and administer the VM through IAP:
#     ```hcl
#     network_interface {
#       subnetwork = google_compute_subnetwork.app.id
#     }
#     ```
#   resource_types: [google_compute_instance, google_compute_instance_template, google_compute_region_instance_template]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.6]
#     iso27001_2022: [A.8.20, A.8.22]
#     nist_csf_2: [PR.IR-01]
#     nist_800_53r5: [SC-7]
package gate.rules.terraform.gcp.compute_public_ip

import rego.v1

import data.gate.lib.gcp
import data.gate.lib.terraform as tf

deny contains tf.finding(r, sprintf("network_interface[%d].access_config", [i]), msg) if {
	some r in gcp.instances
	some i, ni in tf.blocks(r, "network_interface")
	ac := ni.access_config
	is_array(ac)
	count(ac) > 0
	msg := sprintf("%s has an external IPv4 address (access_config on network interface %d)", [r.address, i])
}
