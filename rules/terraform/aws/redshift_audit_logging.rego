# METADATA
# title: Redshift cluster has audit logging
# description: >-
#   Without audit logging Redshift keeps no connection, user or user
#   activity log, so logins and queries against the warehouse cannot be
#   reviewed. Logging may be set inline (provider < 6.0) or with an
#   aws_redshift_logging resource; when such a resource points at a cluster
#   that cannot be resolved, no cluster is judged.
# custom:
#   id: GATE-AWS-RS-003
#   severity: medium
#   remediation: |-
#     Enable audit logging:
#     ```hcl
#     resource "aws_redshift_logging" "this" {
#       cluster_identifier   = aws_redshift_cluster.this.cluster_identifier
#       log_destination_type = "cloudwatch"
#       log_exports          = ["connectionlog", "userlog", "useractivitylog"]
#     }
#     ```
#   resource_types: [aws_redshift_cluster, aws_redshift_logging]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC7.2]
#     iso27001_2022: [A.8.15]
#     nist_csf_2: [PR.PS-04]
#     nist_800_53r5: [AU-2, AU-12]
package gate.rules.terraform.aws.redshift_audit_logging

import rego.v1

import data.gate.lib.aws_services as aws
import data.gate.lib.terraform as tf

deny contains tf.finding(c, "logging", msg) if {
	some c in tf.resources("aws_redshift_cluster")
	not tf.has_unknown(c, "logging")
	not inline_logging(c)
	not aws.referenced_via(c, "aws_redshift_logging", "cluster_identifier", ["cluster_identifier"])
	not aws.unresolved_reference("aws_redshift_logging", "cluster_identifier", "aws_redshift_cluster")
	msg := sprintf("Redshift cluster %s has no audit logging (no logging block and no aws_redshift_logging)", [c.address])
}

inline_logging(c) if {
	some l in tf.blocks(c, "logging")
	l.enable == true
}
