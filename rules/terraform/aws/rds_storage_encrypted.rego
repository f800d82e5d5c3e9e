# METADATA
# title: RDS storage is encrypted
# description: >-
#   An RDS instance or Aurora/Multi-AZ cluster without storage encryption
#   keeps its data files, logs, automated backups and snapshots in clear text
#   at rest, and encryption cannot be turned on later without a restore. The
#   rule fails an aws_db_instance or aws_rds_cluster whose storage_encrypted
#   is false or absent (the provider default). It skips what takes its
#   encryption from elsewhere: read replicas (replicate_source_db,
#   replication_source_identifier), restores from a snapshot
#   (snapshot_identifier, restore_to_point_in_time, s3_import), members of a
#   global cluster and Aurora Serverless v1 clusters (always encrypted).
# custom:
#   id: GATE-AWS-RDS-001
#   severity: high
#   remediation: |-
#     Encrypt the storage (a new instance; existing ones need a snapshot
#     copy with encryption and a restore):
#     ```hcl
#     resource "aws_db_instance" "this" {
#       # ...
#       storage_encrypted = true
#       kms_key_id        = aws_kms_key.rds.arn
#     }
#     ```
#   resource_types: [aws_db_instance, aws_rds_cluster]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1, CC6.7]
#     iso27001_2022: [A.8.24]
#     nist_csf_2: [PR.DS-01]
#     nist_800_53r5: [SC-28, SC-28(1)]
package gate.rules.terraform.aws.rds_storage_encrypted

import rego.v1

import data.gate.lib.aws
import data.gate.lib.terraform as tf

inherited := [
	"replicate_source_db", "replication_source_identifier", "snapshot_identifier",
	"restore_to_point_in_time", "s3_import", "global_cluster_identifier",
]

deny contains tf.finding(db, "storage_encrypted", msg) if {
	some t in ["aws_db_instance", "aws_rds_cluster"]
	some db in aws.managed(t)
	tf.missing_or_false(db, "storage_encrypted")
	every k in inherited {
		aws.empty(object.get(db.values, k, null))
	}
	not serverless_v1(db)
	msg := sprintf("%s does not encrypt its storage (storage_encrypted is false or not set)", [db.address])
}

serverless_v1(db) if db.values.engine_mode == "serverless"

serverless_v1(db) if tf.is_unknown(db.values.engine_mode)
