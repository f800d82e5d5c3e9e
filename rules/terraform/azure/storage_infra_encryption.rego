# METADATA
# title: Storage account enables infrastructure (double) encryption
# description: >-
#   Infrastructure encryption adds a second, independent layer of AES-256
#   encryption at the storage infrastructure level, so data stays protected if
#   one encryption layer or its keys are compromised. It can only be chosen
#   when the account is created and defaults to false, so an account that does
#   not set `infrastructure_encryption_enabled = true` fails. Only account kinds
#   that support it are judged (StorageV2, the default, and the Premium-only
#   BlockBlobStorage and FileStorage).
# custom:
#   id: GATE-AZ-STORAGE-004
#   severity: low
#   remediation: |-
#     Enable infrastructure encryption when creating the account (it forces a new account):
#     ```hcl
#     resource "azurerm_storage_account" "this" {
#       # ...
#       infrastructure_encryption_enabled = true
#     }
#     ```
#   resource_types: [azurerm_storage_account]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.8.24]
#     nist_csf_2: [PR.DS-01]
#     nist_800_53r5: [SC-28, SC-28(1)]
package gate.rules.terraform.azure.storage_infra_encryption

import rego.v1

import data.gate.lib.azure as az
import data.gate.lib.terraform as tf

supported_kinds := {"storagev2", "blockblobstorage", "filestorage"}

deny contains tf.finding(r, "infrastructure_encryption_enabled", msg) if {
	some r in tf.resources("azurerm_storage_account")
	az.off_or_default_off(r, ["infrastructure_encryption_enabled"])
	supported(r)
	msg := sprintf("Storage account %s does not enable infrastructure_encryption_enabled, so data at rest has a single encryption layer", [r.address])
}

supported(r) if tf.missing(r, "account_kind")

supported(r) if az.lc(r.values.account_kind) in supported_kinds
