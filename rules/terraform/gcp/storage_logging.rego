# METADATA
# title: Cloud Storage bucket writes usage logs
# description: >-
#   Usage and storage logs (a logging block naming a log bucket) record every
#   request to the bucket, including anonymous ones that Cloud Audit Logs do
#   not record for public objects. Buckets that receive other buckets' usage
#   logs in the same configuration are not checked, since logging a log
#   bucket into itself is not useful.
# custom:
#   id: GATE-GCP-STORAGE-005
#   severity: low
#   remediation: |-
#     Send usage logs to a dedicated log bucket:
#     ```hcl
#     resource "google_storage_bucket" "this" {
#       name     = "example-bucket"
#       location = "EU"
#       logging {
#         log_bucket = google_storage_bucket.logs.name
#       }
#     }
#     ```
#   resource_types: [google_storage_bucket]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC7.2]
#     iso27001_2022: [A.8.15]
#     nist_csf_2: [PR.PS-04]
#     nist_800_53r5: [AU-2, AU-12]
package gate.rules.terraform.gcp.storage_logging

import rego.v1

import data.gate.lib.gcp
import data.gate.lib.terraform as tf

deny contains tf.finding(b, "logging", msg) if {
	some b in tf.resources("google_storage_bucket")
	no_logging(b)
	not log_target(b)
	msg := sprintf("Cloud Storage bucket %s does not write usage logs (no logging block)", [b.address])
}

no_logging(b) if gcp.unset(b, "logging")

no_logging(b) if b.values.logging == []

no_logging(b) if tf.block(b, "logging").log_bucket == ""

no_logging(b) if {
	l := tf.block(b, "logging")
	gcp.unset_in(b, l, "log_bucket", "logging.log_bucket")
}

# log_target(b): another bucket in the document sends its usage logs to b.
# The targets are collected once per evaluation (a set, not a scan per
# bucket), so the rule stays linear in the number of buckets.
log_target(b) if b.config_address in _log_target_refs

log_target(b) if {
	some k in ["name", "id"]
	v := b.values[k]
	tf.known(v)
	v in _log_target_names
}

_log_target_refs contains addr if {
	some other in tf.resources("google_storage_bucket")
	some addr in object.get(object.get(other, "refs", {}), "logging.log_bucket", [])
}

_log_target_names contains dest if {
	some other in tf.resources("google_storage_bucket")
	dest := tf.block(other, "logging").log_bucket
	is_string(dest)
	tf.known(dest)
}
