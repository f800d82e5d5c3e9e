# METADATA
# title: EC2 instance requires IMDSv2
# description: >-
#   IMDSv1 answers any HTTP GET on 169.254.169.254, so a server-side request
#   forgery in an application hands the instance role's credentials to an
#   attacker; IMDSv2 requires a session token that such requests cannot get.
#   The rule fails an aws_instance whose metadata_options set http_tokens to
#   "optional", or leave it out (the provider default is optional, unless the
#   AMI demands v2) on an instance without a launch template, unless
#   http_endpoint is "disabled". When metadata_options
#   is absent entirely the rule does not fire for instances launched from a
#   launch template (the template decides) or when the configuration sets
#   aws_ec2_instance_metadata_defaults with http_tokens "required". Unknown
#   values (plans compute the block when it is not set) do not fire.
# custom:
#   id: GATE-AWS-EC2-003
#   severity: high
#   remediation: |-
#     Require session tokens:
#     ```hcl
#     resource "aws_instance" "this" {
#       # ...
#       metadata_options {
#         http_endpoint               = "enabled"
#         http_tokens                 = "required"
#         http_put_response_hop_limit = 1
#       }
#     }
#     ```
#   resource_types: [aws_instance]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1, CC6.8]
#     iso27001_2022: [A.8.9]
#     nist_csf_2: [PR.PS-01]
#     nist_800_53r5: [CM-6, AC-3]
package gate.rules.terraform.aws.ec2_instance_imdsv2

import rego.v1

import data.gate.lib.aws
import data.gate.lib.terraform as tf

# No metadata_options at all.
deny contains tf.finding(i, "metadata_options", msg) if {
	some i in aws.managed("aws_instance")
	no_block(i)
	aws.empty(object.get(i.values, "launch_template", null))
	not account_default_required
	msg := sprintf("EC2 instance %s does not require IMDSv2 (no metadata_options block, so http_tokens defaults to \"optional\")", [i.address])
}

# A block that leaves tokens optional.
deny contains tf.finding(i, "metadata_options[0].http_tokens", msg) if {
	some i in aws.managed("aws_instance")
	mo := tf.block(i, "metadata_options")
	not endpoint_off(mo)
	tokens_optional(i, mo)
	msg := sprintf("EC2 instance %s does not require IMDSv2 (metadata_options.http_tokens is \"optional\" or not set)", [i.address])
}

no_block(i) if tf.missing(i, "metadata_options")

no_block(i) if i.values.metadata_options == []

# endpoint_off(mo): the metadata service is disabled (or may be).
endpoint_off(mo) if mo.http_endpoint == "disabled"

endpoint_off(mo) if tf.is_unknown(mo.http_endpoint)

tokens_optional(_, mo) if mo.http_tokens == "optional"

# Unset: the launch template, the account default or the provider default
# ("optional") applies, in that order.
tokens_optional(i, mo) if {
	object.get(mo, "http_tokens", null) in {null, ""}
	aws.empty(object.get(i.values, "launch_template", null))
	not account_default_required
}

account_default_required if {
	some d in aws.managed("aws_ec2_instance_metadata_defaults")
	required_or_unknown(object.get(d.values, "http_tokens", null))
}

required_or_unknown(v) if v == "required"

required_or_unknown(v) if tf.is_unknown(v)
