# METADATA
# title: VPC firewall rule does not allow all ports from the internet
# description: >-
#   An enabled INGRESS google_compute_firewall rule that allows protocol
#   "all", or every TCP, UDP or SCTP port (no port list, or a range covering
#   1-65535), from 0.0.0.0/0 or ::/0 exposes every service on the targeted
#   VMs, including ones never meant to be reachable. direction defaults to
#   INGRESS, and an ingress rule with no source ranges, tags or service
#   accounts applies to 0.0.0.0/0.
# custom:
#   id: GATE-GCP-VPC-003
#   severity: high
#   remediation: |-
#     Allow only the ports the service needs:
#     ```hcl
#     resource "google_compute_firewall" "web" {
#       name          = "allow-https"
#       network       = google_compute_network.vpc.name
#       source_ranges = ["0.0.0.0/0"]
#       target_tags   = ["web"]
#       allow {
#         protocol = "tcp"
#         ports    = ["443"]
#       }
#     }
#     ```
#   resource_types: [google_compute_firewall]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.6]
#     iso27001_2022: [A.8.20, A.8.22]
#     nist_csf_2: [PR.IR-01]
#     nist_800_53r5: [SC-7, CM-7]
package gate.rules.terraform.gcp.vpc_firewall_all_ports

import rego.v1

import data.gate.lib.gcp
import data.gate.lib.terraform as tf

deny contains tf.finding(r, sprintf("allow[%d]", [i]), msg) if {
	some r in tf.resources("google_compute_firewall")
	gcp.firewall_internet_ingress(r)
	some i, a in tf.blocks(r, "allow")
	gcp.allow_all_ports(a)
	msg := sprintf("Firewall rule %s allows every port (protocol %s) from the internet", [r.address, gcp.allow_protocol(a)])
}
