# METADATA
# title: GKE cluster does not use client certificates or basic authentication
# description: >-
#   A client certificate issued at cluster creation
#   (master_auth.client_certificate_config.issue_client_certificate = true)
#   or a static username and password (basic authentication, older
#   providers) is a long-lived credential for the control plane that cannot
#   be revoked short of rotating the cluster CA, and it bypasses IAM. Both
#   are off by default; only explicit values fail.
# custom:
#   id: GATE-GCP-GKE-002
#   severity: high
#   remediation: |-
#     Authenticate with IAM (gcloud / OIDC) only:
#     ```hcl
#     master_auth {
#       client_certificate_config {
#         issue_client_certificate = false
#       }
#     }
#     ```
#   resource_types: [google_container_cluster]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.8.5, A.5.17]
#     nist_csf_2: [PR.AA-03]
#     nist_800_53r5: [IA-2, IA-5]
package gate.rules.terraform.gcp.gke_legacy_client_auth

import rego.v1

import data.gate.lib.gcp
import data.gate.lib.terraform as tf

deny contains tf.finding(r, "master_auth[0].client_certificate_config[0].issue_client_certificate", msg) if {
	some r in gcp.clusters
	gcp.nested(r, ["master_auth", "client_certificate_config"]).issue_client_certificate == true
	msg := sprintf("GKE cluster %s issues a client certificate for control-plane access", [r.address])
}

deny contains tf.finding(r, "master_auth[0].username", msg) if {
	some r in gcp.clusters
	v := gcp.nested(r, ["master_auth"]).username
	is_string(v)
	tf.known(v)
	v != ""
	msg := sprintf("GKE cluster %s enables basic authentication (master_auth.username is set)", [r.address])
}
