# METADATA
# title: Storage account accepts only HTTPS (secure transfer required)
# description: >-
#   With secure transfer turned off the storage account also serves its blob,
#   file, queue and table endpoints over plain HTTP, so data, account keys in
#   transit and shared access signatures can travel unencrypted. The provider
#   default is true (v4 `https_traffic_only_enabled`, v3
#   `enable_https_traffic_only`), so only an explicit `false` fails.
# custom:
#   id: GATE-AZ-STORAGE-001
#   severity: high
#   remediation: |-
#     Require secure transfer (or remove the argument to keep the default):
#     ```hcl
#     resource "azurerm_storage_account" "this" {
#       # ...
#       https_traffic_only_enabled = true # v3: enable_https_traffic_only
#     }
#     ```
#   resource_types: [azurerm_storage_account]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.7]
#     iso27001_2022: [A.8.24]
#     nist_csf_2: [PR.DS-02]
#     nist_800_53r5: [SC-8, SC-8(1)]
package gate.rules.terraform.azure.storage_https

import rego.v1

import data.gate.lib.azure as az
import data.gate.lib.terraform as tf

names := ["https_traffic_only_enabled", "enable_https_traffic_only"]

deny contains tf.finding(r, attr, msg) if {
	some r in tf.resources("azurerm_storage_account")
	attr := az.explicit_false(r, names)
	msg := sprintf("Storage account %s sets %s = false, so it accepts unencrypted HTTP requests", [r.address, attr])
}
