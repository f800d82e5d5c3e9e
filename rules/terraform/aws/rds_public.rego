# METADATA
# title: RDS database is not publicly accessible
# description: >-
#   A publicly accessible database gets a DNS name that resolves to a public
#   IP address, so the only thing between the internet and the database
#   engine is a security group rule. The rule fails an aws_db_instance,
#   aws_rds_cluster_instance or aws_rds_cluster (Multi-AZ DB cluster) that
#   sets publicly_accessible = true; absent means false.
# custom:
#   id: GATE-AWS-RDS-002
#   severity: high
#   remediation: |-
#     Keep the database private and reach it through the VPC (VPN, bastion,
#     SSM port forwarding):
#     ```hcl
#     resource "aws_db_instance" "this" {
#       # ...
#       publicly_accessible  = false
#       db_subnet_group_name = aws_db_subnet_group.private.name
#     }
#     ```
#   resource_types: [aws_db_instance, aws_rds_cluster_instance, aws_rds_cluster]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1, CC6.6]
#     iso27001_2022: [A.8.20, A.8.22]
#     nist_csf_2: [PR.IR-01]
#     nist_800_53r5: [AC-3, SC-7]
package gate.rules.terraform.aws.rds_public

import rego.v1

import data.gate.lib.aws
import data.gate.lib.terraform as tf

deny contains tf.finding(db, "publicly_accessible", msg) if {
	some t in ["aws_db_instance", "aws_rds_cluster_instance", "aws_rds_cluster"]
	some db in aws.managed(t)
	tf.is_true(db, "publicly_accessible")
	msg := sprintf("%s is publicly accessible (publicly_accessible = true)", [db.address])
}
