# METADATA
# title: Redis cache requires TLS 1.2 or newer
# description: >-
#   A cache whose `minimum_tls_version` is "1.0" or "1.1" lets clients
#   negotiate deprecated TLS versions. The azurerm v3 and v4 provider default
#   is "1.0", so a cache that does not set the argument is taken as "1.0" and
#   fails (a plan shows the default explicitly); Azure is retiring TLS 1.0/1.1
#   for caches, and declaring "1.2" keeps the configuration and the service in
#   agreement.
# custom:
#   id: GATE-AZ-REDIS-002
#   severity: medium
#   remediation: |-
#     Require TLS 1.2:
#     ```hcl
#     resource "azurerm_redis_cache" "this" {
#       # ...
#       minimum_tls_version = "1.2"
#     }
#     ```
#   resource_types: [azurerm_redis_cache]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.7]
#     iso27001_2022: [A.8.24]
#     nist_csf_2: [PR.DS-02]
#     nist_800_53r5: [SC-8, SC-13]
package gate.rules.terraform.azure.redis_tls

import rego.v1

import data.gate.lib.azure as az
import data.gate.lib.terraform as tf

deny contains tf.finding(r, "minimum_tls_version", msg) if {
	some r in tf.resources("azurerm_redis_cache")
	v := r.values.minimum_tls_version
	az.weak_tls(v)
	msg := sprintf("Redis cache %s accepts TLS %s (minimum_tls_version); require 1.2", [r.address, v])
}

deny contains tf.finding(r, "minimum_tls_version", msg) if {
	some r in tf.resources("azurerm_redis_cache")
	tf.missing(r, "minimum_tls_version")
	msg := sprintf("Redis cache %s does not set minimum_tls_version (provider default 1.0); require 1.2", [r.address])
}
