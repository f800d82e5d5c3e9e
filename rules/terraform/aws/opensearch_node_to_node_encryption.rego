# METADATA
# title: OpenSearch domain encrypts traffic between nodes
# description: >-
#   Without node-to-node encryption, data moving between the nodes of the
#   domain crosses the network in clear text. The block defaults to
#   disabled when it is left out.
# custom:
#   id: GATE-AWS-OS-002
#   severity: medium
#   remediation: |-
#     Enable node-to-node encryption:
#     ```hcl
#     resource "aws_opensearch_domain" "this" {
#       domain_name = "search"
#       node_to_node_encryption {
#         enabled = true
#       }
#     }
#     ```
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.7]
#     iso27001_2022: [A.8.24]
#     nist_csf_2: [PR.DS-02]
#     nist_800_53r5: [SC-8, SC-8(1)]
package gate.rules.terraform.aws.opensearch_node_to_node_encryption

import rego.v1

import data.gate.lib.terraform as tf

domains := [d | some t in ["aws_opensearch_domain", "aws_elasticsearch_domain"]; some d in tf.resources(t)]

deny contains tf.finding(d, "node_to_node_encryption", msg) if {
	some d in domains
	not tf.has_unknown(d, "node_to_node_encryption")
	not enabled(d)
	msg := sprintf("OpenSearch domain %s does not encrypt traffic between its nodes", [d.address])
}

enabled(d) if {
	some b in tf.blocks(d, "node_to_node_encryption")
	b.enabled == true
}
