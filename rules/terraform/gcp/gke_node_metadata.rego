# METADATA
# title: GKE nodes do not expose the Compute Engine metadata server to pods
# description: >-
#   workload_metadata_config.mode = "GCE_METADATA" (or the older
#   node_metadata = "EXPOSE") lets every pod read the node's metadata,
#   including its service-account token, and metadata key
#   disable-legacy-endpoints = "false" re-opens the legacy endpoints that
#   answer without the Metadata-Flavor header. Only these explicit values
#   fail, on a cluster's node_config, its inline node pools and
#   google_container_node_pool resources.
# custom:
#   id: GATE-GCP-GKE-005
#   severity: medium
#   remediation: |-
#     Run the GKE metadata server on the nodes:
#     ```hcl
#     node_config {
#       workload_metadata_config {
#         mode = "GKE_METADATA"
#       }
#     }
#     ```
#   resource_types: [google_container_cluster, google_container_node_pool]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.3]
#     iso27001_2022: [A.8.2]
#     nist_csf_2: [PR.AA-05]
#     nist_800_53r5: [AC-6]
package gate.rules.terraform.gcp.gke_node_metadata

import rego.v1

import data.gate.lib.gcp
import data.gate.lib.terraform as tf

deny contains tf.finding(nc.resource, sprintf("%s.workload_metadata_config[0].%s", [nc.path, k]), msg) if {
	some nc in gcp.node_configs
	wmc := object.get(nc.config, ["workload_metadata_config", 0], null)
	is_object(wmc)
	some k, exposed in {"mode": "GCE_METADATA", "node_metadata": "EXPOSE"}
	wmc[k] == exposed
	msg := sprintf("%s exposes the Compute Engine metadata server to pods (%s = %s)", [nc.resource.address, k, exposed])
}

deny contains tf.finding(nc.resource, sprintf("%s.metadata", [nc.path]), msg) if {
	some nc in gcp.node_configs
	md := nc.config.metadata
	is_object(md)
	gcp.falsy(md["disable-legacy-endpoints"])
	msg := sprintf("%s re-enables the legacy metadata endpoints (disable-legacy-endpoints = false)", [nc.resource.address])
}
