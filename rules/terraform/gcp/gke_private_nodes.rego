# METADATA
# title: GKE cluster nodes have no public IP addresses
# description: >-
#   Without private nodes (private_cluster_config.enable_private_nodes =
#   true) every node gets an external IP address, so node ports and
#   kubelet-adjacent services are one firewall mistake away from the
#   internet. Private nodes are off by default. A cluster that removes its
#   default node pool is accepted when every google_container_node_pool
#   attached to it in this configuration sets
#   network_config.enable_private_nodes = true.
# custom:
#   id: GATE-GCP-GKE-003
#   severity: medium
#   remediation: |-
#     Create the cluster with private nodes (and Cloud NAT for egress):
#     ```hcl
#     private_cluster_config {
#       enable_private_nodes    = true
#       enable_private_endpoint = false
#       master_ipv4_cidr_block  = "172.16.0.0/28"
#     }
#     ```
#   resource_types: [google_container_cluster, google_container_node_pool]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.6]
#     iso27001_2022: [A.8.20, A.8.22]
#     nist_csf_2: [PR.IR-01]
#     nist_800_53r5: [SC-7]
package gate.rules.terraform.gcp.gke_private_nodes

import rego.v1

import data.gate.lib.gcp
import data.gate.lib.terraform as tf

deny contains tf.finding(r, attr, msg) if {
	some r in gcp.clusters
	public_nodes(r)
	not private_node_pools(r)
	attr := attribute(r)
	msg := sprintf("GKE cluster %s does not use private nodes, so nodes get public IP addresses", [r.address])
}

public_nodes(r) if gcp.unset(r, "private_cluster_config")

public_nodes(r) if r.values.private_cluster_config == []

public_nodes(r) if gcp.nested(r, ["private_cluster_config"]).enable_private_nodes == false

public_nodes(r) if {
	pcc := gcp.nested(r, ["private_cluster_config"])
	gcp.unset_in(r, pcc, "enable_private_nodes", "private_cluster_config.enable_private_nodes")
}

private_node_pools(r) if {
	r.values.remove_default_node_pool == true
	pools := gcp.cluster_node_pools(r)
	count(pools) > 0
	every p in pools {
		gcp.nested(p, ["network_config"]).enable_private_nodes == true
	}
}

attribute(r) := "private_cluster_config[0].enable_private_nodes" if {
	gcp.nested(r, ["private_cluster_config"])
} else := "private_cluster_config"
