# METADATA
# title: GKE cluster sends logs and metrics to Cloud Operations
# description: >-
#   logging_service = "none" or monitoring_service = "none" turns off
#   Cloud Logging or Cloud Monitoring for the cluster, so control-plane,
#   node and workload events are not recorded anywhere Google Cloud can
#   keep them. Both default to the Kubernetes-native services; only an
#   explicit "none" fails.
# custom:
#   id: GATE-GCP-GKE-009
#   severity: medium
#   remediation: |-
#     Keep the defaults:
#     ```hcl
#     logging_service    = "logging.googleapis.com/kubernetes"
#     monitoring_service = "monitoring.googleapis.com/kubernetes"
#     ```
#   resource_types: [google_container_cluster]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC7.2]
#     iso27001_2022: [A.8.15, A.8.16]
#     nist_csf_2: [PR.PS-04, DE.CM-09]
#     nist_800_53r5: [AU-12, SI-4]
package gate.rules.terraform.gcp.gke_logging_monitoring

import rego.v1

import data.gate.lib.gcp
import data.gate.lib.terraform as tf

deny contains tf.finding(r, k, msg) if {
	some r in gcp.clusters
	some k in ["logging_service", "monitoring_service"]
	r.values[k] == "none"
	msg := sprintf("GKE cluster %s sets %s = \"none\"", [r.address, k])
}
