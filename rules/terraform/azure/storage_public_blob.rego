# METADATA
# title: Storage account disallows anonymous public access to blobs
# description: >-
#   When a storage account allows nested items to be public, any container in
#   it can be switched to anonymous read access, exposing its blobs to anyone
#   with the URL. In azurerm v3 and v4 `allow_nested_items_to_be_public`
#   defaults to true, so an account that does not set it to false fails (the v2
#   spelling `allow_blob_public_access` defaulted to false and fails only when
#   true). Accounts with public network access disabled, and FileStorage
#   accounts (no blob service), are not judged.
# custom:
#   id: GATE-AZ-STORAGE-003
#   severity: medium
#   remediation: |-
#     Disallow public access to containers and blobs:
#     ```hcl
#     resource "azurerm_storage_account" "this" {
#       # ...
#       allow_nested_items_to_be_public = false
#     }
#     ```
#   resource_types: [azurerm_storage_account]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.5.15, A.8.3]
#     nist_csf_2: [PR.AA-05]
#     nist_800_53r5: [AC-3, AC-22]
package gate.rules.terraform.azure.storage_public_blob

import rego.v1

import data.gate.lib.azure as az
import data.gate.lib.terraform as tf

# v4/v3 name (default true) and v2 name (default false).
names := ["allow_nested_items_to_be_public", "allow_blob_public_access"]

deny contains tf.finding(r, attr, msg) if {
	some r in candidates
	attr := az.explicit_true(r, names)
	msg := sprintf("Storage account %s sets %s = true, so its containers can be opened to anonymous access", [r.address, attr])
}

deny contains tf.finding(r, "allow_nested_items_to_be_public", msg) if {
	some r in candidates
	every n in names {
		tf.missing(r, n)
	}
	msg := sprintf("Storage account %s does not set allow_nested_items_to_be_public = false (provider default true), so its containers can be opened to anonymous access", [r.address])
}

candidates contains r if {
	some r in tf.resources("azurerm_storage_account")
	not tf.is_false(r, "public_network_access_enabled")
	not tf.is_unknown(object.get(r.values, "public_network_access_enabled", null))
	not az.lc(object.get(r.values, "account_kind", "")) == "filestorage"
	not tf.is_unknown(object.get(r.values, "account_kind", null))
}
