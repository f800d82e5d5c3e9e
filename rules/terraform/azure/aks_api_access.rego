# METADATA
# title: AKS API server is private or limited to authorized IP ranges
# description: >-
#   A public AKS API server with no authorized IP ranges (or one that
#   authorizes 0.0.0.0/0) can be reached from the whole internet, exposing the
#   cluster's control plane to credential stuffing and to any future API-server
#   vulnerability. A cluster passes with `private_cluster_enabled = true`
#   (default false) or with authorized ranges in
#   `api_server_access_profile.authorized_ip_ranges` (v3 and v4) or the v3
#   top-level `api_server_authorized_ip_ranges`. Unknown ranges are not judged.
# custom:
#   id: GATE-AZ-AKS-002
#   severity: medium
#   remediation: |-
#     Make the cluster private, or allow only the networks that administer it:
#     ```hcl
#     resource "azurerm_kubernetes_cluster" "this" {
#       # ...
#       api_server_access_profile {
#         authorized_ip_ranges = ["203.0.113.0/24"]
#       }
#     }
#     ```
#   resource_types: [azurerm_kubernetes_cluster]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.6]
#     iso27001_2022: [A.8.20, A.8.22]
#     nist_csf_2: [PR.IR-01]
#     nist_800_53r5: [SC-7, AC-17]
package gate.rules.terraform.azure.aks_api_access

import rego.v1

import data.gate.lib.azure as az
import data.gate.lib.terraform as tf

deny contains tf.finding(r, "api_server_access_profile", msg) if {
	some r in clusters
	not has_range_or_unknown(r)
	msg := sprintf("AKS cluster %s exposes its API server to the whole internet: it is not private and sets no authorized_ip_ranges", [r.address])
}

deny contains tf.finding(r, path, msg) if {
	some r in clusters
	some [path, c] in range_entries(r)
	az.internet_prefix(c)
	msg := sprintf("AKS cluster %s authorizes %s to reach its API server (%s)", [r.address, c, path])
}

clusters contains r if {
	some r in tf.resources("azurerm_kubernetes_cluster")
	az.off_or_default_off(r, ["private_cluster_enabled"])
}

# Sources of authorized ranges: the profile block and the v3 top-level list.
range_lists(r) := array.concat(
	[["api_server_access_profile[0].authorized_ip_ranges", v] |
		p := tf.block(r, "api_server_access_profile")
		v := object.get(p, "authorized_ip_ranges", null)
		v != null
	],
	[["api_server_authorized_ip_ranges", v] |
		v := object.get(r.values, "api_server_authorized_ip_ranges", null)
		v != null
	],
)

range_entries(r) := [[path, c] |
	some [path, v] in range_lists(r)
	is_array(v)
	some c in v
	is_string(c)
]

has_range_or_unknown(r) if {
	some [_, v] in range_lists(r)
	is_array(v)
	count(v) > 0
}

has_range_or_unknown(r) if {
	some [_, v] in range_lists(r)
	tf.is_unknown(v)
}

has_range_or_unknown(r) if tf.is_unknown(object.get(r.values, "api_server_access_profile", null))
