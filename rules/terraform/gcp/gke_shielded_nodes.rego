# METADATA
# title: GKE cluster keeps Shielded GKE Nodes on
# description: >-
#   Shielded GKE Nodes give nodes a verifiable identity and integrity, which
#   stops an attacker who obtains node bootstrap credentials from
#   impersonating a node and reading its secrets. enable_shielded_nodes
#   defaults to true; only an explicit false fails.
# custom:
#   id: GATE-GCP-GKE-008
#   severity: medium
#   remediation: |-
#     Keep the default:
#     ```hcl
#     resource "google_container_cluster" "this" {
#       enable_shielded_nodes = true
#     }
#     ```
#   resource_types: [google_container_cluster]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC7.1]
#     iso27001_2022: [A.8.9]
#     nist_csf_2: [PR.PS-01]
#     nist_800_53r5: [SI-7]
package gate.rules.terraform.gcp.gke_shielded_nodes

import rego.v1

import data.gate.lib.gcp
import data.gate.lib.terraform as tf

deny contains tf.finding(r, "enable_shielded_nodes", msg) if {
	some r in gcp.clusters
	tf.is_false(r, "enable_shielded_nodes")
	msg := sprintf("GKE cluster %s turns Shielded GKE Nodes off", [r.address])
}
