# METADATA
# title: Storage account requires TLS 1.2 or newer
# description: >-
#   A storage account whose minimum TLS version is TLS 1.0 or 1.1 lets clients
#   negotiate deprecated protocol versions with known weaknesses. The provider
#   default has been TLS1_2 since azurerm v3.0 (it was TLS1_0 in v2), so only an
#   explicit TLS1_0 or TLS1_1 fails; an absent argument is taken as TLS1_2.
# custom:
#   id: GATE-AZ-STORAGE-002
#   severity: medium
#   remediation: |-
#     Set the minimum TLS version to 1.2:
#     ```hcl
#     resource "azurerm_storage_account" "this" {
#       # ...
#       min_tls_version = "TLS1_2"
#     }
#     ```
#   resource_types: [azurerm_storage_account]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.7]
#     iso27001_2022: [A.8.24]
#     nist_csf_2: [PR.DS-02]
#     nist_800_53r5: [SC-8, SC-13]
package gate.rules.terraform.azure.storage_tls

import rego.v1

import data.gate.lib.azure as az
import data.gate.lib.terraform as tf

deny contains tf.finding(r, "min_tls_version", msg) if {
	some r in tf.resources("azurerm_storage_account")
	v := r.values.min_tls_version
	az.weak_tls(v)
	msg := sprintf("Storage account %s allows clients to connect with %s (min_tls_version); require TLS1_2", [r.address, v])
}
