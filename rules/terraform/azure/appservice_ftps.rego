# METADATA
# title: App Service app does not allow plain FTP deployments
# description: >-
#   With `site_config.ftps_state = "AllAllowed"` the app's deployment endpoint
#   accepts unencrypted FTP, exposing deployment credentials and code in
#   transit. The current resource types default to "Disabled"; the legacy
#   `azurerm_app_service` / `azurerm_function_app` leave it to Azure, so only an
#   explicit "AllAllowed" fails.
# custom:
#   id: GATE-AZ-APP-003
#   severity: medium
#   remediation: |-
#     Disable FTP, or allow FTPS only:
#     ```hcl
#     resource "azurerm_linux_web_app" "this" {
#       # ...
#       site_config {
#         ftps_state = "Disabled" # or "FtpsOnly"
#       }
#     }
#     ```
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_linux_web_app_slot, azurerm_windows_web_app_slot, azurerm_linux_function_app_slot, azurerm_windows_function_app_slot, azurerm_app_service, azurerm_app_service_slot, azurerm_function_app, azurerm_function_app_slot]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.7]
#     iso27001_2022: [A.8.24, A.8.21]
#     nist_csf_2: [PR.DS-02]
#     nist_800_53r5: [SC-8, CM-7]
package gate.rules.terraform.azure.appservice_ftps

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

deny contains tf.finding(r, "site_config[0].ftps_state", msg) if {
	some t in app_types
	some r in tf.resources(t)
	az.lc(tf.block(r, "site_config").ftps_state) == "allallowed"
	msg := sprintf("App %s accepts unencrypted FTP deployments (site_config.ftps_state = AllAllowed)", [r.address])
}
