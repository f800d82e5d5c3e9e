# METADATA
# title: Redis cache keeps the non-TLS port closed
# description: >-
#   Enabling the non-SSL port (6379) lets clients talk to the cache in clear
#   text, exposing the access key and cached data on the network. The setting
#   (v4 `non_ssl_port_enabled`, v3 `enable_non_ssl_port`) defaults to false, so
#   only an explicit true fails.
# custom:
#   id: GATE-AZ-REDIS-001
#   severity: high
#   remediation: |-
#     Keep the non-TLS port closed and connect on 6380 with TLS:
#     ```hcl
#     resource "azurerm_redis_cache" "this" {
#       # ...
#       non_ssl_port_enabled = false # v3: enable_non_ssl_port
#     }
#     ```
#   resource_types: [azurerm_redis_cache]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.7]
#     iso27001_2022: [A.8.24]
#     nist_csf_2: [PR.DS-02]
#     nist_800_53r5: [SC-8, SC-8(1)]
package gate.rules.terraform.azure.redis_non_ssl

import rego.v1

import data.gate.lib.azure as az
import data.gate.lib.terraform as tf

deny contains tf.finding(r, attr, msg) if {
	some r in tf.resources("azurerm_redis_cache")
	attr := az.explicit_true(r, ["non_ssl_port_enabled", "enable_non_ssl_port"])
	msg := sprintf("Redis cache %s opens the unencrypted port 6379 (%s = true)", [r.address, attr])
}
