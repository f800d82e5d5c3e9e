# METADATA
# title: AKS cluster has Kubernetes RBAC enabled
# description: >-
#   Without Kubernetes role-based access control every authenticated identity
#   has full access to the cluster API, so one leaked credential controls every
#   workload and secret. RBAC is enabled by default (`role_based_access_control_enabled`
#   in azurerm v3 and v4, the `role_based_access_control { enabled }` block in
#   v2), so only an explicit false fails.
# custom:
#   id: GATE-AZ-AKS-001
#   severity: high
#   remediation: |-
#     Keep RBAC on (it forces a new cluster when changed):
#     ```hcl
#     resource "azurerm_kubernetes_cluster" "this" {
#       # ...
#       role_based_access_control_enabled = true
#     }
#     ```
#   resource_types: [azurerm_kubernetes_cluster]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1, CC6.3]
#     iso27001_2022: [A.5.15, A.8.2]
#     nist_csf_2: [PR.AA-05]
#     nist_800_53r5: [AC-3, AC-6]
package gate.rules.terraform.azure.aks_rbac

import rego.v1

import data.gate.lib.terraform as tf

deny contains tf.finding(r, "role_based_access_control_enabled", msg) if {
	some r in tf.resources("azurerm_kubernetes_cluster")
	tf.is_false(r, "role_based_access_control_enabled")
	msg := sprintf("AKS cluster %s disables Kubernetes RBAC (role_based_access_control_enabled = false)", [r.address])
}

deny contains tf.finding(r, "role_based_access_control[0].enabled", msg) if {
	some r in tf.resources("azurerm_kubernetes_cluster")
	tf.block(r, "role_based_access_control").enabled == false
	msg := sprintf("AKS cluster %s disables Kubernetes RBAC (role_based_access_control.enabled = false)", [r.address])
}
