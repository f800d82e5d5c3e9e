# METADATA
# title: ECR repository scans images on push
# description: >-
#   Without scan on push, images with known vulnerable packages are stored
#   and deployed with nobody told. A registry-level scanning configuration
#   declared in the same configuration also satisfies the rule.
# custom:
#   id: GATE-AWS-ECR-001
#   severity: medium
#   remediation: |-
#     Scan each image when it is pushed (or configure registry scanning):
#     ```hcl
#     resource "aws_ecr_repository" "this" {
#       name = "api"
#       image_scanning_configuration {
#         scan_on_push = true
#       }
#     }
#     ```
#   resource_types: [aws_ecr_repository, aws_ecr_registry_scanning_configuration]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC7.1]
#     iso27001_2022: [A.8.8]
#     nist_csf_2: [ID.RA-01]
#     nist_800_53r5: [RA-5]
package gate.rules.terraform.aws.ecr_scan_on_push

import rego.v1

import data.gate.lib.terraform as tf

deny contains tf.finding(r, "image_scanning_configuration", msg) if {
	some r in tf.resources("aws_ecr_repository")
	not tf.has_unknown(r, "image_scanning_configuration")
	not scans_on_push(r)
	not registry_scanning
	msg := sprintf("ECR repository %s does not scan images on push", [r.address])
}

scans_on_push(r) if {
	some c in tf.blocks(r, "image_scanning_configuration")
	c.scan_on_push == true
}

# A registry scanning configuration with rules (or rules not known yet)
# overrides the per-repository setting.
registry_scanning if {
	some c in tf.resources("aws_ecr_registry_scanning_configuration")
	not no_rules(c)
}

no_rules(c) if {
	rs := c.values.rule
	is_array(rs)
	count(rs) == 0
}

no_rules(c) if not "rule" in object.keys(c.values)

no_rules(c) if c.values.rule == null
