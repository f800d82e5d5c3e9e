# METADATA
# title: Cloud Storage bucket is not readable or writable by the public
# description: >-
#   Granting a role on a bucket to allUsers or allAuthenticatedUsers (through
#   google_storage_bucket_iam_member, _iam_binding or _iam_policy) or an ACL
#   entry for them (google_storage_bucket_acl, _access_control, and the
#   default/object ACL resources, including the publicRead and
#   publicReadWrite predefined ACLs) lets anyone on the internet, or anyone
#   with any Google account, use the data.
# custom:
#   id: GATE-GCP-STORAGE-003
#   severity: high
#   remediation: |-
#     Grant bucket roles to named principals only:
#     ```hcl
#     resource "google_storage_bucket_iam_member" "reader" {
#       bucket = google_storage_bucket.this.name
#       role   = "roles/storage.objectViewer"
#       member = "group:data-readers@example.com"
#     }
#     ```
#   resource_types: [google_storage_bucket_iam_member, google_storage_bucket_iam_binding, google_storage_bucket_iam_policy, google_storage_bucket_acl, google_storage_bucket_access_control, google_storage_default_object_acl, google_storage_default_object_access_control, google_storage_object_acl, google_storage_object_access_control]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1, CC6.6]
#     iso27001_2022: [A.5.15, A.8.3]
#     nist_csf_2: [PR.AA-05, PR.DS-01]
#     nist_800_53r5: [AC-3, AC-6]
package gate.rules.terraform.gcp.storage_public_iam

import rego.v1

import data.gate.lib.gcp
import data.gate.lib.terraform as tf

iam_types := {"google_storage_bucket_iam_member", "google_storage_bucket_iam_binding", "google_storage_bucket_iam_policy"}

acl_list_types := {"google_storage_bucket_acl", "google_storage_default_object_acl", "google_storage_object_acl"}

access_control_types := {"google_storage_bucket_access_control", "google_storage_default_object_access_control", "google_storage_object_access_control"}

public_predefined_acls := {"publicRead", "publicReadWrite"}

deny contains tf.finding(r, g.attr, msg) if {
	some r in gcp.iam_resources(iam_types)
	some g in gcp.iam_grants(r)
	gcp.public_principal(g.member)
	msg := sprintf("%s grants %s on a Cloud Storage bucket to %s", [r.address, g.role, g.member])
}

deny contains tf.finding(r, sprintf("role_entity[%d]", [i]), msg) if {
	some r in gcp.iam_resources(acl_list_types)
	entries := r.values.role_entity
	is_array(entries)
	some i, e in entries
	is_string(e)
	parts := split(e, ":")
	count(parts) == 2
	gcp.public_principal(parts[1])
	msg := sprintf("%s gives ACL %s to %s on Cloud Storage", [r.address, parts[0], parts[1]])
}

deny contains tf.finding(r, "predefined_acl", msg) if {
	some r in gcp.iam_resources(acl_list_types)
	acl := r.values.predefined_acl
	acl in public_predefined_acls
	msg := sprintf("%s applies the predefined ACL %s, which makes Cloud Storage data public", [r.address, acl])
}

deny contains tf.finding(r, "entity", msg) if {
	some r in gcp.iam_resources(access_control_types)
	gcp.public_principal(r.values.entity)
	msg := sprintf("%s gives Cloud Storage ACL role %v to %s", [r.address, object.get(r.values, "role", "?"), r.values.entity])
}
