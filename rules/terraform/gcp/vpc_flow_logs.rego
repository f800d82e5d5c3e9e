# METADATA
# title: VPC subnet records flow logs
# description: >-
#   Without VPC flow logs (a log_config block on google_compute_subnetwork)
#   there is no record of which hosts talked to which, so lateral movement
#   and data exfiltration cannot be investigated. Only ordinary subnets are
#   checked: purpose absent, PRIVATE or PRIVATE_RFC_1918 (the legacy
#   enable_flow_logs = true also counts as logging). Proxy-only,
#   Private Service Connect, private NAT and other special-purpose subnets
#   cannot have flow logs; in a plan an unknown purpose with no reference
#   behind it is the computed default, PRIVATE. An organization policy can turn flow logs on
#   outside Terraform; that is not visible here.
# custom:
#   id: GATE-GCP-VPC-004
#   severity: low
#   remediation: |-
#     Add a log_config block:
#     ```hcl
#     resource "google_compute_subnetwork" "this" {
#       name          = "app"
#       ip_cidr_range = "10.0.0.0/24"
#       network       = google_compute_network.vpc.id
#       log_config {
#         aggregation_interval = "INTERVAL_5_SEC"
#         flow_sampling        = 0.5
#         metadata             = "INCLUDE_ALL_METADATA"
#       }
#     }
#     ```
#   resource_types: [google_compute_subnetwork]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC7.2]
#     iso27001_2022: [A.8.15, A.8.16]
#     nist_csf_2: [DE.CM-01]
#     nist_800_53r5: [AU-12, SI-4]
package gate.rules.terraform.gcp.vpc_flow_logs

import rego.v1

import data.gate.lib.gcp
import data.gate.lib.terraform as tf

flow_log_purposes := {"PRIVATE", "PRIVATE_RFC_1918"}

deny contains tf.finding(r, "log_config", msg) if {
	some r in tf.resources("google_compute_subnetwork")
	ordinary(r)
	no_log_config(r)
	not r.values.enable_flow_logs == true
	msg := sprintf("Subnetwork %s does not record VPC flow logs (no log_config block)", [r.address])
}

deny contains tf.finding(r, "log_config[0].flow_sampling", msg) if {
	some r in tf.resources("google_compute_subnetwork")
	ordinary(r)
	s := tf.block(r, "log_config").flow_sampling
	tf.number_known(s)
	tf.num(s) == 0
	msg := sprintf("Subnetwork %s sets flow_sampling to 0, so no VPC flow logs are recorded", [r.address])
}

no_log_config(r) if gcp.unset(r, "log_config")

no_log_config(r) if r.values.log_config == []

ordinary(r) if tf.missing(r, "purpose")

ordinary(r) if r.values.purpose in flow_log_purposes

# In a plan an unset purpose is computed (unknown) and means PRIVATE.
ordinary(r) if gcp.computed_default(r, "purpose")
