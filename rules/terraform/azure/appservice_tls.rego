# METADATA
# title: App Service app requires TLS 1.2 or newer
# description: >-
#   An app whose `site_config` sets `minimum_tls_version` or
#   `scm_minimum_tls_version` (legacy resources: `min_tls_version`) to "1.0"
#   or "1.1" lets clients of the site or its Kudu/SCM endpoint negotiate
#   deprecated TLS versions. The provider default is "1.2", so absent
#   arguments pass.
# custom:
#   id: GATE-AZ-APP-002
#   severity: medium
#   remediation: |-
#     Require TLS 1.2 on the site and the SCM endpoint:
#     ```hcl
#     resource "azurerm_linux_web_app" "this" {
#       # ...
#       site_config {
#         minimum_tls_version     = "1.2"
#         scm_minimum_tls_version = "1.2"
#       }
#     }
#     ```
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_linux_web_app_slot, azurerm_windows_web_app_slot, azurerm_linux_function_app_slot, azurerm_windows_function_app_slot, azurerm_app_service, azurerm_app_service_slot, azurerm_function_app, azurerm_function_app_slot]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.7]
#     iso27001_2022: [A.8.24]
#     nist_csf_2: [PR.DS-02]
#     nist_800_53r5: [SC-8, SC-13]
package gate.rules.terraform.azure.appservice_tls

import rego.v1

import data.gate.lib.azure as az
import data.gate.lib.terraform as tf

app_types := [
	"azurerm_linux_web_app", "azurerm_windows_web_app",
	"azurerm_linux_function_app", "azurerm_windows_function_app",
	"azurerm_linux_web_app_slot", "azurerm_windows_web_app_slot",
	"azurerm_linux_function_app_slot", "azurerm_windows_function_app_slot",
	"azurerm_app_service", "azurerm_app_service_slot",
	"azurerm_function_app", "azurerm_function_app_slot",
]

tls_attrs := ["minimum_tls_version", "scm_minimum_tls_version", "min_tls_version"]

deny contains tf.finding(r, sprintf("site_config[0].%s", [a]), msg) if {
	some t in app_types
	some r in tf.resources(t)
	sc := tf.block(r, "site_config")
	some a in tls_attrs
	v := object.get(sc, a, null)
	az.weak_tls(v)
	msg := sprintf("App %s accepts TLS %s (site_config.%s); require 1.2", [r.address, v, a])
}
