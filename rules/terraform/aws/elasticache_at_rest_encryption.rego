# METADATA
# title: ElastiCache replication group encrypts data at rest
# description: >-
#   Without at-rest encryption, cached data, backups and swap files of a
#   Redis OSS replication group are written to disk in clear text. The
#   setting defaults to false for the redis engine and cannot be changed
#   after creation.
# custom:
#   id: GATE-AWS-EC-001
#   severity: medium
#   remediation: |-
#     Enable encryption at rest when creating the group:
#     ```hcl
#     resource "aws_elasticache_replication_group" "this" {
#       replication_group_id       = "sessions"
#       description                = "session cache"
#       engine                     = "redis"
#       node_type                  = "cache.t4g.small"
#       at_rest_encryption_enabled = true
#       kms_key_id                 = aws_kms_key.cache.arn
#     }
#     ```
#   resource_types: [aws_elasticache_replication_group]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.8.24]
#     nist_csf_2: [PR.DS-01]
#     nist_800_53r5: [SC-28]
package gate.rules.terraform.aws.elasticache_at_rest_encryption

import rego.v1

import data.gate.lib.aws_services as aws
import data.gate.lib.terraform as tf

deny contains tf.finding(g, "at_rest_encryption_enabled", msg) if {
	some g in tf.resources("aws_elasticache_replication_group")
	off(g)
	msg := sprintf("ElastiCache replication group %s does not encrypt data at rest", [g.address])
}

off(g) if tf.is_false(g, "at_rest_encryption_enabled")

# The argument is a nullable bool in some provider versions: "false" too.
off(g) if aws.eq_ci(g.values.at_rest_encryption_enabled, "false")

# Absent means false for the redis engine (the default engine); valkey
# defaults to true.
off(g) if {
	tf.missing(g, "at_rest_encryption_enabled")
	redis_engine(g)
}

redis_engine(g) if tf.missing(g, "engine")

redis_engine(g) if aws.eq_ci(g.values.engine, "redis")
