# METADATA
# title: RDS automated backups are kept long enough
# description: >-
#   Automated backups and point-in-time restore are what recovers a database
#   from corruption, a bad migration or ransomware; a retention of 0 turns
#   them off, and a day or two is often gone before the problem is noticed.
#   The rule fails an aws_db_instance or aws_rds_cluster whose
#   backup_retention_period is below the min_days parameter (default 7) or
#   absent (the RDS API default is 1 day). Read replicas (replicate_source_db,
#   replication_source_identifier) and members of a global cluster are
#   skipped; unknown values (plans compute the attribute when it is not set)
#   do not fire.
# custom:
#   id: GATE-AWS-RDS-003
#   severity: medium
#   remediation: |-
#     Keep automated backups for at least 7 days:
#     ```hcl
#     resource "aws_db_instance" "this" {
#       # ...
#       backup_retention_period = 14
#       backup_window           = "03:00-04:00"
#     }
#     ```
#   resource_types: [aws_db_instance, aws_rds_cluster]
#   sources: [plan, hcl]
#   controls:
#     soc2: [A1.2]
#     iso27001_2022: [A.8.13]
#     nist_csf_2: [PR.DS-11]
#     nist_800_53r5: [CP-9]
#   params:
#     min_days: 7
package gate.rules.terraform.aws.rds_backup_retention

import rego.v1

import data.gate.lib.aws
import data.gate.lib.params
import data.gate.lib.terraform as tf

min_days := n if {
	n := params.param("GATE-AWS-RDS-003", "min_days", 7)
	is_number(n)
} else := 7

skipped := ["replicate_source_db", "replication_source_identifier", "global_cluster_identifier"]

candidates contains db if {
	some t in ["aws_db_instance", "aws_rds_cluster"]
	some db in aws.managed(t)
	every k in skipped {
		aws.empty(object.get(db.values, k, null))
	}
}

deny contains tf.finding(db, "backup_retention_period", msg) if {
	some db in candidates
	tf.missing(db, "backup_retention_period")
	msg := sprintf("%s does not set backup_retention_period (RDS keeps automated backups for 1 day by default); keep them for at least %v days", [db.address, min_days])
}

deny contains tf.finding(db, "backup_retention_period", msg) if {
	some db in candidates
	n := tf.num(db.values.backup_retention_period)
	n < min_days
	msg := sprintf("%s keeps automated backups for %v days; keep them for at least %v days", [db.address, n, min_days])
}
