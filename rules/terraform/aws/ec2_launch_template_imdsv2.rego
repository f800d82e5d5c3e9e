# METADATA
# title: Launch templates require IMDSv2
# description: >-
#   Instances started from a launch template or launch configuration
#   (Auto Scaling groups, EKS node groups, Batch) take their metadata
#   settings from it; with tokens optional, an SSRF in any of them exposes the
#   instance role's credentials. The rule fails an aws_launch_template or
#   aws_launch_configuration whose metadata_options are absent or leave
#   http_tokens "optional" or unset, unless http_endpoint is "disabled" or
#   the configuration sets aws_ec2_instance_metadata_defaults with
#   http_tokens "required" (which then applies to unset values). Unknown
#   values do not fire.
# custom:
#   id: GATE-AWS-EC2-004
#   severity: high
#   remediation: |-
#     Require session tokens in the template:
#     ```hcl
#     resource "aws_launch_template" "this" {
#       # ...
#       metadata_options {
#         http_endpoint               = "enabled"
#         http_tokens                 = "required"
#         http_put_response_hop_limit = 1
#       }
#     }
#     ```
#   resource_types: [aws_launch_template, aws_launch_configuration]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1, CC6.8]
#     iso27001_2022: [A.8.9]
#     nist_csf_2: [PR.PS-01]
#     nist_800_53r5: [CM-6, AC-3]
package gate.rules.terraform.aws.ec2_launch_template_imdsv2

import rego.v1

import data.gate.lib.aws
import data.gate.lib.terraform as tf

types := ["aws_launch_template", "aws_launch_configuration"]

deny contains tf.finding(lt, "metadata_options", msg) if {
	some t in types
	some lt in aws.managed(t)
	no_block(lt)
	not account_default_required
	msg := sprintf("%s does not require IMDSv2 for the instances it launches (no metadata_options block)", [lt.address])
}

deny contains tf.finding(lt, "metadata_options[0].http_tokens", msg) if {
	some t in types
	some lt in aws.managed(t)
	mo := tf.block(lt, "metadata_options")
	not endpoint_off(mo)
	tokens_optional(mo)
	msg := sprintf("%s does not require IMDSv2 for the instances it launches (metadata_options.http_tokens is \"optional\" or not set)", [lt.address])
}

no_block(lt) if tf.missing(lt, "metadata_options")

no_block(lt) if lt.values.metadata_options == []

endpoint_off(mo) if mo.http_endpoint == "disabled"

endpoint_off(mo) if tf.is_unknown(mo.http_endpoint)

tokens_optional(mo) if mo.http_tokens == "optional"

tokens_optional(mo) if {
	object.get(mo, "http_tokens", null) in {null, ""}
	not account_default_required
}

account_default_required if {
	some d in aws.managed("aws_ec2_instance_metadata_defaults")
	required_or_unknown(object.get(d.values, "http_tokens", null))
}

required_or_unknown(v) if v == "required"

required_or_unknown(v) if tf.is_unknown(v)
