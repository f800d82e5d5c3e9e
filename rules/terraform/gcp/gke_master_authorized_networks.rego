# METADATA
# title: GKE control plane is not reachable from the whole internet
# description: >-
#   A public control-plane endpoint without master authorized networks (or
#   with 0.0.0.0/0 among them) accepts connections from any address, so
#   every Kubernetes API vulnerability or leaked credential is exploitable
#   from the internet. Clusters whose public endpoint is off
#   (private_cluster_config.enable_private_endpoint = true, or
#   control_plane_endpoints_config.ip_endpoints_config.enabled = false) are
#   not checked. An empty master_authorized_networks_config block counts as
#   restricted (only Google addresses).
# custom:
#   id: GATE-GCP-GKE-006
#   severity: high
#   remediation: |-
#     Allow only known networks to reach the control plane:
#     ```hcl
#     master_authorized_networks_config {
#       cidr_blocks {
#         cidr_block   = "203.0.113.0/24"
#         display_name = "office"
#       }
#     }
#     ```
#   resource_types: [google_container_cluster]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.6]
#     iso27001_2022: [A.8.20, A.8.22]
#     nist_csf_2: [PR.IR-01]
#     nist_800_53r5: [SC-7, AC-3]
package gate.rules.terraform.gcp.gke_master_authorized_networks

import rego.v1

import data.gate.lib.gcp
import data.gate.lib.terraform as tf

deny contains tf.finding(r, "master_authorized_networks_config", msg) if {
	some r in gcp.clusters
	public_endpoint(r)
	no_authorized_networks(r)
	msg := sprintf("GKE cluster %s has a public control-plane endpoint without master authorized networks", [r.address])
}

deny contains tf.finding(r, sprintf("master_authorized_networks_config[0].cidr_blocks[%d].cidr_block", [i]), msg) if {
	some r in gcp.clusters
	public_endpoint(r)
	man := gcp.nested(r, ["master_authorized_networks_config"])
	cbs := man.cidr_blocks
	is_array(cbs)
	some i, cb in cbs
	cb.cidr_block in gcp.internet_ranges
	msg := sprintf("GKE cluster %s authorizes %s, the whole internet, to reach the control plane", [r.address, cb.cidr_block])
}

no_authorized_networks(r) if gcp.unset(r, "master_authorized_networks_config")

no_authorized_networks(r) if r.values.master_authorized_networks_config == []

# public_endpoint(r): the public endpoint is known not to be turned off.
public_endpoint(r) if {
	not private_endpoint_undetermined(r)
	not private_endpoint(r)
}

private_endpoint(r) if gcp.nested(r, ["private_cluster_config"]).enable_private_endpoint == true

private_endpoint(r) if gcp.nested(r, ["control_plane_endpoints_config", "ip_endpoints_config"]).enabled == false

private_endpoint_undetermined(r) if {
	tf.has_unknown(r, "private_cluster_config")
	not gcp.computed_default(r, "private_cluster_config")
	not private_endpoint_unset(r)
}

private_endpoint_undetermined(r) if {
	tf.has_unknown(r, "control_plane_endpoints_config")
	not gcp.computed_default(r, "control_plane_endpoints_config")
	not ip_endpoint_unset(r)
}

# In a plan, enable_private_endpoint inside a known block may be computed.
private_endpoint_unset(r) if {
	pcc := gcp.nested(r, ["private_cluster_config"])
	gcp.unset_in(r, pcc, "enable_private_endpoint", "private_cluster_config.enable_private_endpoint")
}

ip_endpoint_unset(r) if {
	ipc := gcp.nested(r, ["control_plane_endpoints_config", "ip_endpoints_config"])
	gcp.unset_in(r, ipc, "enabled", "control_plane_endpoints_config.ip_endpoints_config.enabled")
}
