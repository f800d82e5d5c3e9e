# METADATA
# title: OpenSearch domain endpoint requires HTTPS
# description: >-
#   With enforce_https = false the domain endpoint also answers plain HTTP,
#   so queries, documents and credentials can travel unencrypted between
#   clients and the domain.
# custom:
#   id: GATE-AWS-OS-003
#   severity: high
#   remediation: |-
#     Require HTTPS on the endpoint:
#     ```hcl
#     resource "aws_opensearch_domain" "this" {
#       domain_name = "search"
#       domain_endpoint_options {
#         enforce_https       = true
#         tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
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
package gate.rules.terraform.aws.opensearch_enforce_https

import rego.v1

import data.gate.lib.terraform as tf

domains := [d | some t in ["aws_opensearch_domain", "aws_elasticsearch_domain"]; some d in tf.resources(t)]

deny contains tf.finding(d, sprintf("domain_endpoint_options[%d].enforce_https", [i]), msg) if {
	some d in domains
	some i, o in tf.blocks(d, "domain_endpoint_options")
	o.enforce_https == false
	msg := sprintf("OpenSearch domain %s accepts plain HTTP requests (enforce_https = false)", [d.address])
}
