# METADATA
# title: OpenSearch domain encrypts data at rest
# description: >-
#   Without encrypt_at_rest, indices, logs, swap files and automated
#   snapshots of the domain are stored unencrypted. The block defaults to
#   disabled when it is left out.
# custom:
#   id: GATE-AWS-OS-001
#   severity: high
#   remediation: |-
#     Enable encryption at rest:
#     ```hcl
#     resource "aws_opensearch_domain" "this" {
#       domain_name    = "search"
#       engine_version = "OpenSearch_2.13"
#       encrypt_at_rest {
#         enabled = true
#       }
#     }
#     ```
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.8.24]
#     nist_csf_2: [PR.DS-01]
#     nist_800_53r5: [SC-28, SC-28(1)]
package gate.rules.terraform.aws.opensearch_encrypt_at_rest

import rego.v1

import data.gate.lib.terraform as tf

domains := [d | some t in ["aws_opensearch_domain", "aws_elasticsearch_domain"]; some d in tf.resources(t)]

deny contains tf.finding(d, "encrypt_at_rest", msg) if {
	some d in domains
	not tf.has_unknown(d, "encrypt_at_rest")
	not enabled(d)
	msg := sprintf("OpenSearch domain %s does not encrypt data at rest", [d.address])
}

enabled(d) if {
	some b in tf.blocks(d, "encrypt_at_rest")
	b.enabled == true
}
