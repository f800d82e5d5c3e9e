# METADATA
# title: ElastiCache replication group encrypts traffic in transit
# description: >-
#   Without in-transit encryption, clients and replicas exchange cached data
#   and AUTH tokens in clear text inside the VPC, open to anyone who can
#   capture traffic there.
# custom:
#   id: GATE-AWS-EC-002
#   severity: medium
#   remediation: |-
#     Enable TLS for the group:
#     ```hcl
#     resource "aws_elasticache_replication_group" "this" {
#       replication_group_id       = "sessions"
#       description                = "session cache"
#       engine                     = "redis"
#       node_type                  = "cache.t4g.small"
#       transit_encryption_enabled = true
#     }
#     ```
#   resource_types: [aws_elasticache_replication_group]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.7]
#     iso27001_2022: [A.8.24]
#     nist_csf_2: [PR.DS-02]
#     nist_800_53r5: [SC-8, SC-8(1)]
package gate.rules.terraform.aws.elasticache_transit_encryption

import rego.v1

import data.gate.lib.aws_services as aws
import data.gate.lib.terraform as tf

deny contains tf.finding(g, "transit_encryption_enabled", msg) if {
	some g in tf.resources("aws_elasticache_replication_group")
	off(g)
	msg := sprintf("ElastiCache replication group %s does not encrypt traffic in transit", [g.address])
}

off(g) if tf.is_false(g, "transit_encryption_enabled")

# Absent means false for the redis engine (the default engine); valkey is
# not judged when the argument is absent.
off(g) if {
	tf.missing(g, "transit_encryption_enabled")
	redis_engine(g)
}

redis_engine(g) if tf.missing(g, "engine")

redis_engine(g) if aws.eq_ci(g.values.engine, "redis")
