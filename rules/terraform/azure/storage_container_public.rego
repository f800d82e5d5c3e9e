# METADATA
# title: Storage container is not publicly readable
# description: >-
#   A container with `container_access_type` "blob" or "container" serves its
#   blobs (and, for "container", the blob listing) to anonymous users. The
#   default is "private". A container in an account of the same document that
#   explicitly disallows nested public items is not judged: Azure refuses the
#   public setting there. The account is joined by `storage_account_id` (v4) or
#   `storage_account_name` (v3), by reference or equal value.
# custom:
#   id: GATE-AZ-STORAGE-006
#   severity: high
#   remediation: |-
#     Keep the container private and grant access with Entra ID roles or short-lived SAS tokens:
#     ```hcl
#     resource "azurerm_storage_container" "this" {
#       name                  = "data"
#       storage_account_id    = azurerm_storage_account.this.id
#       container_access_type = "private"
#     }
#     ```
#   resource_types: [azurerm_storage_container]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.5.15, A.8.3]
#     nist_csf_2: [PR.AA-05, PR.DS-01]
#     nist_800_53r5: [AC-3, AC-22]
package gate.rules.terraform.azure.storage_container_public

import rego.v1

import data.gate.lib.azure as az
import data.gate.lib.terraform as tf

join_attrs := ["storage_account_id", "storage_account_name"]

deny contains tf.finding(c, "container_access_type", msg) if {
	some c in tf.resources("azurerm_storage_container")
	v := c.values.container_access_type
	az.lc(v) in {"blob", "container"}
	not account_blocks_or_unknown(c)
	msg := sprintf("Storage container %s allows anonymous public read access (container_access_type = %s)", [c.address, v])
}

# The joined account forbids public containers, or its setting is unknown.
account_blocks_or_unknown(c) if {
	some a in tf.resources("azurerm_storage_account")
	az.joined(c, join_attrs, a)
	some n in ["allow_nested_items_to_be_public", "allow_blob_public_access"]
	v := object.get(a.values, n, null)
	v in {false, tf.unknown_value}
}
