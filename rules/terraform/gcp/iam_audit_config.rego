# METADATA
# title: Audit logging covers all services, all log types and all users
# description: >-
#   An allServices audit config (google_project_iam_audit_config, or its
#   folder and organization counterparts) should enable ADMIN_READ,
#   DATA_READ and DATA_WRITE logs and exempt nobody; otherwise reads of
#   sensitive data, or everything an exempted principal does, leave no
#   audit record. Only allServices configs present in the configuration are
#   judged; per-service configs and projects without one are not.
# custom:
#   id: GATE-GCP-IAM-001
#   severity: medium
#   remediation: |-
#     Log every type for all services without exemptions:
#     ```hcl
#     resource "google_project_iam_audit_config" "all" {
#       project = var.project_id
#       service = "allServices"
#       audit_log_config { log_type = "ADMIN_READ" }
#       audit_log_config { log_type = "DATA_READ" }
#       audit_log_config { log_type = "DATA_WRITE" }
#     }
#     ```
#   resource_types: [google_project_iam_audit_config, google_folder_iam_audit_config, google_organization_iam_audit_config]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC7.2]
#     iso27001_2022: [A.8.15]
#     nist_csf_2: [PR.PS-04]
#     nist_800_53r5: [AU-2, AU-12]
package gate.rules.terraform.gcp.iam_audit_config

import rego.v1

import data.gate.lib.gcp
import data.gate.lib.terraform as tf

types := {"google_project_iam_audit_config", "google_folder_iam_audit_config", "google_organization_iam_audit_config"}

required := {"ADMIN_READ", "DATA_READ", "DATA_WRITE"}

deny contains tf.finding(r, "audit_log_config", msg) if {
	some r in gcp.iam_resources(types)
	r.values.service == "allServices"
	not tf.has_unknown(r, "audit_log_config")
	have := {t | some c in tf.blocks(r, "audit_log_config"); t := c.log_type}
	missing := required - have
	count(missing) > 0
	msg := sprintf("%s does not enable %s audit logs for all services", [r.address, concat(", ", sort(missing))])
}

deny contains tf.finding(r, sprintf("audit_log_config[%d].exempted_members", [i]), msg) if {
	some r in gcp.iam_resources(types)
	r.values.service == "allServices"
	some i, c in tf.blocks(r, "audit_log_config")
	ms := c.exempted_members
	is_array(ms)
	count(ms) > 0
	msg := sprintf("%s exempts %d principal(s) from %v audit logs", [r.address, count(ms), object.get(c, "log_type", "?")])
}
