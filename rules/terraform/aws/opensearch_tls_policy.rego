# METADATA
# title: OpenSearch domain endpoint requires TLS 1.2 or later
# description: >-
#   The Policy-Min-TLS-1-0-2019-07 security policy lets clients connect to
#   the domain endpoint with TLS 1.0 and 1.1, deprecated protocols with
#   known weaknesses.
# custom:
#   id: GATE-AWS-OS-004
#   severity: medium
#   remediation: |-
#     Use a TLS 1.2+ security policy:
#     ```hcl
#     resource "aws_opensearch_domain" "this" {
#       domain_name = "search"
#       domain_endpoint_options {
#         enforce_https       = true
#         tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
#       }
#     }
#     ```
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.7]
#     iso27001_2022: [A.8.24]
#     nist_csf_2: [PR.DS-02]
#     nist_800_53r5: [SC-8(1), SC-13]
package gate.rules.terraform.aws.opensearch_tls_policy

import rego.v1

import data.gate.lib.aws_services as aws
import data.gate.lib.terraform as tf

domains := [d | some t in ["aws_opensearch_domain", "aws_elasticsearch_domain"]; some d in tf.resources(t)]

deny contains tf.finding(d, sprintf("domain_endpoint_options[%d].tls_security_policy", [i]), msg) if {
	some d in domains
	some i, o in tf.blocks(d, "domain_endpoint_options")
	aws.eq_ci(o.tls_security_policy, "Policy-Min-TLS-1-0-2019-07")
	msg := sprintf("OpenSearch domain %s accepts TLS 1.0 and 1.1 (tls_security_policy = \"Policy-Min-TLS-1-0-2019-07\")", [d.address])
}
