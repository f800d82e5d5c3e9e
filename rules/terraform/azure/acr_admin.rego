# METADATA
# title: Container registry admin user is disabled
# description: >-
#   The registry admin user is a single shared username and password with push
#   and pull rights on every repository; it cannot be scoped, is not tied to an
#   identity, and leaks easily through CI variables. `admin_enabled` defaults
#   to false, so only an explicit true fails.
# custom:
#   id: GATE-AZ-ACR-001
#   severity: high
#   remediation: |-
#     Disable the admin user and grant AcrPull/AcrPush roles to identities instead:
#     ```hcl
#     resource "azurerm_container_registry" "this" {
#       # ...
#       admin_enabled = false
#     }
#     ```
#   resource_types: [azurerm_container_registry]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.5.17, A.8.5]
#     nist_csf_2: [PR.AA-01]
#     nist_800_53r5: [IA-2, IA-5, AC-2]
package gate.rules.terraform.azure.acr_admin

import rego.v1

import data.gate.lib.terraform as tf

deny contains tf.finding(r, "admin_enabled", msg) if {
	some r in tf.resources("azurerm_container_registry")
	tf.is_true(r, "admin_enabled")
	msg := sprintf("Container registry %s enables the shared admin user (admin_enabled = true)", [r.address])
}
