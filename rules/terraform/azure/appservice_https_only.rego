# METADATA
# title: App Service app accepts only HTTPS
# description: >-
#   Without `https_only` the app also answers plain HTTP, so session cookies,
#   tokens and form data can be read or altered in transit. `https_only`
#   defaults to false on web apps, function apps and their slots (current and
#   legacy resource types), so an app that does not set it to true fails.
# custom:
#   id: GATE-AZ-APP-001
#   severity: medium
#   remediation: |-
#     Redirect all HTTP traffic to HTTPS:
#     ```hcl
#     resource "azurerm_linux_web_app" "this" {
#       # ...
#       https_only = true
#     }
#     ```
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_linux_web_app_slot, azurerm_windows_web_app_slot, azurerm_linux_function_app_slot, azurerm_windows_function_app_slot, azurerm_app_service, azurerm_app_service_slot, azurerm_function_app, azurerm_function_app_slot]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.7]
#     iso27001_2022: [A.8.24]
#     nist_csf_2: [PR.DS-02]
#     nist_800_53r5: [SC-8, SC-8(1)]
package gate.rules.terraform.azure.appservice_https_only

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

deny contains tf.finding(r, "https_only", msg) if {
	some t in app_types
	some r in tf.resources(t)
	az.off_or_default_off(r, ["https_only"])
	msg := sprintf("App %s also serves plain HTTP (https_only is not true)", [r.address])
}
