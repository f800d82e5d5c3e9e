# METADATA
# title: GKE node pool keeps node auto-upgrade on
# description: >-
#   With management.auto_upgrade = false a node pool stays on its node
#   image and Kubernetes version until someone upgrades it by hand, so
#   published node vulnerabilities stay open. Auto-upgrade is on by default
#   (and forced on in release channels); only an explicit false fails, on
#   google_container_node_pool resources and inline node_pool blocks.
# custom:
#   id: GATE-GCP-GKE-007
#   severity: medium
#   remediation: |-
#     Keep auto-upgrade on, and control timing with maintenance windows:
#     ```hcl
#     management {
#       auto_upgrade = true
#       auto_repair  = true
#     }
#     ```
#   resource_types: [google_container_node_pool, google_container_cluster]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC7.1]
#     iso27001_2022: [A.8.8]
#     nist_csf_2: [PR.PS-02]
#     nist_800_53r5: [SI-2]
package gate.rules.terraform.gcp.gke_node_auto_upgrade

import rego.v1

import data.gate.lib.gcp
import data.gate.lib.terraform as tf

deny contains tf.finding(m.resource, sprintf("%s.auto_upgrade", [m.path]), msg) if {
	some m in gcp.node_pool_managements
	m.management.auto_upgrade == false
	msg := sprintf("%s turns node auto-upgrade off", [m.resource.address])
}
