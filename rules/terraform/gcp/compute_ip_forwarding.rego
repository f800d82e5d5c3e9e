# METADATA
# title: VM does not forward IP packets
# description: >-
#   can_ip_forward = true lets the VM send and receive packets for addresses
#   that are not its own, so a compromised VM can route around firewall
#   rules or spoof traffic. It is off by default; only an explicit true
#   fails. NAT gateways and network appliances need it and can be excepted.
# custom:
#   id: GATE-GCP-COMPUTE-004
#   severity: low
#   remediation: |-
#     Turn IP forwarding off unless the VM is a router:
#     ```hcl
#     resource "google_compute_instance" "this" {
#       can_ip_forward = false
#     }
#     ```
#   resource_types: [google_compute_instance, google_compute_instance_template, google_compute_region_instance_template]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.6]
#     iso27001_2022: [A.8.20, A.8.22]
#     nist_csf_2: [PR.IR-01]
#     nist_800_53r5: [SC-7, CM-7]
package gate.rules.terraform.gcp.compute_ip_forwarding

import rego.v1

import data.gate.lib.gcp
import data.gate.lib.terraform as tf

deny contains tf.finding(r, "can_ip_forward", msg) if {
	some r in gcp.instances
	tf.is_true(r, "can_ip_forward")
	msg := sprintf("%s enables IP forwarding (can_ip_forward = true)", [r.address])
}
