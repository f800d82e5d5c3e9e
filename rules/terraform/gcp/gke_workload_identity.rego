# METADATA
# title: GKE cluster enables Workload Identity
# description: >-
#   Without Workload Identity (workload_identity_config.workload_pool) pods
#   that call Google APIs use the node's service account, so every pod on a
#   node shares its permissions, and pods can read the node's metadata.
#   Standard clusters have it off by default; Autopilot clusters always have
#   it and are not checked.
# custom:
#   id: GATE-GCP-GKE-004
#   severity: medium
#   remediation: |-
#     Enable Workload Identity on the cluster:
#     ```hcl
#     workload_identity_config {
#       workload_pool = "${var.project_id}.svc.id.goog"
#     }
#     ```
#   resource_types: [google_container_cluster]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.3]
#     iso27001_2022: [A.8.2, A.5.15]
#     nist_csf_2: [PR.AA-05]
#     nist_800_53r5: [AC-6]
package gate.rules.terraform.gcp.gke_workload_identity

import rego.v1

import data.gate.lib.gcp
import data.gate.lib.terraform as tf

deny contains tf.finding(r, "workload_identity_config", msg) if {
	some r in gcp.clusters
	standard(r)
	no_workload_pool(r)
	msg := sprintf("GKE cluster %s does not enable Workload Identity (no workload_identity_config.workload_pool)", [r.address])
}

no_workload_pool(r) if gcp.unset(r, "workload_identity_config")

no_workload_pool(r) if r.values.workload_identity_config == []

no_workload_pool(r) if gcp.nested(r, ["workload_identity_config"]).workload_pool == ""

no_workload_pool(r) if {
	c := gcp.nested(r, ["workload_identity_config"])
	gcp.unset_in(r, c, "workload_pool", "workload_identity_config.workload_pool")
}

standard(r) if gcp.unset(r, "enable_autopilot")

standard(r) if r.values.enable_autopilot == false
