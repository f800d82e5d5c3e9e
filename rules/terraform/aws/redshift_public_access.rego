# METADATA
# title: Redshift cluster is not publicly accessible
# description: >-
#   A publicly accessible cluster gets a public IP address and DNS name, so
#   its database port is reachable from the internet wherever security
#   groups allow it. Provider versions before 6.0 default to true and write
#   it into the plan; an argument absent from source is not judged because
#   newer versions default to false.
# custom:
#   id: GATE-AWS-RS-002
#   severity: high
#   remediation: |-
#     Keep the cluster private:
#     ```hcl
#     resource "aws_redshift_cluster" "this" {
#       cluster_identifier  = "analytics"
#       node_type           = "ra3.xlplus"
#       publicly_accessible = false
#     }
#     ```
#   resource_types: [aws_redshift_cluster]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.6]
#     iso27001_2022: [A.8.20, A.8.3]
#     nist_csf_2: [PR.IR-01, PR.AA-05]
#     nist_800_53r5: [SC-7, AC-3]
package gate.rules.terraform.aws.redshift_public_access

import rego.v1

import data.gate.lib.aws_services as aws
import data.gate.lib.terraform as tf

deny contains tf.finding(c, "publicly_accessible", msg) if {
	some c in tf.resources("aws_redshift_cluster")
	public(c)
	msg := sprintf("Redshift cluster %s is publicly accessible (publicly_accessible = true)", [c.address])
}

public(c) if tf.is_true(c, "publicly_accessible")

public(c) if aws.eq_ci(c.values.publicly_accessible, "true")
