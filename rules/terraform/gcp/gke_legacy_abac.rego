# METADATA
# title: GKE cluster does not use legacy ABAC
# description: >-
#   With enable_legacy_abac = true the legacy attribute-based authorizer
#   grants broad static permissions beside RBAC, so service accounts and
#   nodes can do far more than their roles say. It defaults to false; only
#   an explicit true fails.
# custom:
#   id: GATE-GCP-GKE-001
#   severity: high
#   remediation: |-
#     Disable legacy ABAC and use RBAC:
#     ```hcl
#     resource "google_container_cluster" "this" {
#       enable_legacy_abac = false
#     }
#     ```
#   resource_types: [google_container_cluster]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.3]
#     iso27001_2022: [A.5.15, A.8.2]
#     nist_csf_2: [PR.AA-05]
#     nist_800_53r5: [AC-3, AC-6]
package gate.rules.terraform.gcp.gke_legacy_abac

import rego.v1

import data.gate.lib.gcp
import data.gate.lib.terraform as tf

deny contains tf.finding(r, "enable_legacy_abac", msg) if {
	some r in gcp.clusters
	tf.is_true(r, "enable_legacy_abac")
	msg := sprintf("GKE cluster %s enables legacy ABAC authorization", [r.address])
}
