# METADATA
# title: BigQuery dataset or table is not accessible to the public
# description: >-
#   An access entry for allAuthenticatedUsers or allUsers (special_group or
#   iam_member on google_bigquery_dataset or google_bigquery_dataset_access)
#   or an IAM grant to them (google_bigquery_dataset_iam_* and
#   google_bigquery_table_iam_* member, binding or policy resources) lets
#   anyone on the internet, or anyone with a Google account, query the data.
# custom:
#   id: GATE-GCP-BQ-001
#   severity: high
#   remediation: |-
#     Grant dataset access to named groups only:
#     ```hcl
#     access {
#       role           = "READER"
#       group_by_email = "analysts@example.com"
#     }
#     ```
#   resource_types: [google_bigquery_dataset, google_bigquery_dataset_access, google_bigquery_dataset_iam_member, google_bigquery_dataset_iam_binding, google_bigquery_dataset_iam_policy, google_bigquery_table_iam_member, google_bigquery_table_iam_binding, google_bigquery_table_iam_policy]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.5.15, A.8.3]
#     nist_csf_2: [PR.AA-05, PR.DS-01]
#     nist_800_53r5: [AC-3]
package gate.rules.terraform.gcp.bigquery_public_dataset

import rego.v1

import data.gate.lib.gcp
import data.gate.lib.terraform as tf

iam_types := {
	"google_bigquery_dataset_iam_member", "google_bigquery_dataset_iam_binding", "google_bigquery_dataset_iam_policy",
	"google_bigquery_table_iam_member", "google_bigquery_table_iam_binding", "google_bigquery_table_iam_policy",
}

entry_keys := ["special_group", "iam_member"]

deny contains tf.finding(r, sprintf("access[%d].%s", [i, k]), msg) if {
	some r in tf.resources("google_bigquery_dataset")
	some i, a in tf.blocks(r, "access")
	some k in entry_keys
	gcp.public_principal(a[k])
	msg := sprintf("BigQuery dataset %s gives %v access to %s", [r.address, object.get(a, "role", "?"), a[k]])
}

deny contains tf.finding(r, k, msg) if {
	some r in tf.resources("google_bigquery_dataset_access")
	some k in entry_keys
	gcp.public_principal(r.values[k])
	msg := sprintf("%s gives %v access on a BigQuery dataset to %s", [r.address, object.get(r.values, "role", "?"), r.values[k]])
}

deny contains tf.finding(r, g.attr, msg) if {
	some r in gcp.iam_resources(iam_types)
	some g in gcp.iam_grants(r)
	gcp.public_principal(g.member)
	msg := sprintf("%s grants %s on BigQuery data to %s", [r.address, g.role, g.member])
}
