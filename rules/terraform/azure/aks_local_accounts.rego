# METADATA
# title: AKS cluster disables local accounts
# description: >-
#   With local accounts enabled the cluster keeps a static admin credential
#   (`az aks get-credentials --admin`) that bypasses Microsoft Entra ID, MFA,
#   conditional access and Azure RBAC, and cannot be attributed to a person.
#   `local_account_disabled` defaults to false, so a cluster that does not set
#   it to true fails (disabling it requires Entra ID integration).
# custom:
#   id: GATE-AZ-AKS-003
#   severity: medium
#   remediation: |-
#     Use Entra ID integration and disable local accounts:
#     ```hcl
#     resource "azurerm_kubernetes_cluster" "this" {
#       # ...
#       local_account_disabled = true
#       azure_active_directory_role_based_access_control {
#         azure_rbac_enabled = true
#       }
#     }
#     ```
#   resource_types: [azurerm_kubernetes_cluster]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.5.16, A.8.5]
#     nist_csf_2: [PR.AA-01]
#     nist_800_53r5: [AC-2, IA-2]
package gate.rules.terraform.azure.aks_local_accounts

import rego.v1

import data.gate.lib.azure as az
import data.gate.lib.terraform as tf

deny contains tf.finding(r, "local_account_disabled", msg) if {
	some r in tf.resources("azurerm_kubernetes_cluster")
	az.off_or_default_off(r, ["local_account_disabled"])
	msg := sprintf("AKS cluster %s keeps local accounts enabled (local_account_disabled is not true), so a static admin credential bypasses Entra ID", [r.address])
}
