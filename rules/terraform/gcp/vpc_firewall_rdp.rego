# METADATA
# title: VPC firewall rule does not allow RDP (TCP 3389) from the internet
# description: >-
#   An enabled INGRESS google_compute_firewall rule that allows TCP port
#   3389 (directly, in a port range, with no port list, or with protocol
#   "all") from 0.0.0.0/0 or ::/0 exposes RDP on every targeted VM to
#   internet-wide scanning and password guessing. direction defaults to
#   INGRESS, and an ingress rule with no source ranges, tags or service
#   accounts applies to 0.0.0.0/0, so both absences count. A higher-priority
#   deny rule elsewhere is not taken into account.
# custom:
#   id: GATE-GCP-VPC-002
#   severity: high
#   remediation: |-
#     Allow RDP only from trusted ranges, or use Identity-Aware Proxy TCP
#     forwarding (35.235.240.0/20):
#     ```hcl
#     resource "google_compute_firewall" "rdp" {
#       name          = "allow-rdp-from-iap"
#       network       = google_compute_network.vpc.name
#       source_ranges = ["35.235.240.0/20"]
#       allow {
#         protocol = "tcp"
#         ports    = ["3389"]
#       }
#     }
#     ```
#   resource_types: [google_compute_firewall]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.6]
#     iso27001_2022: [A.8.20, A.8.22]
#     nist_csf_2: [PR.IR-01]
#     nist_800_53r5: [SC-7, AC-17]
package gate.rules.terraform.gcp.vpc_firewall_rdp

import rego.v1

import data.gate.lib.gcp
import data.gate.lib.terraform as tf

deny contains tf.finding(r, sprintf("allow[%d]", [i]), msg) if {
	some r in tf.resources("google_compute_firewall")
	gcp.firewall_internet_ingress(r)
	some i, a in tf.blocks(r, "allow")
	gcp.allow_covers_tcp_port(a, 3389)
	msg := sprintf("Firewall rule %s allows RDP (TCP 3389) from the internet", [r.address])
}
