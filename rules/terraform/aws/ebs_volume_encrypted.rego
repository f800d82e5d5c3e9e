# METADATA
# title: EBS volume is encrypted
# description: >-
#   An unencrypted EBS volume keeps its data, and every snapshot taken from
#   it, in clear text at rest. The rule fails an aws_ebs_volume whose
#   encrypted attribute is false or absent (the provider default is false)
#   unless the configuration turns on account-level default encryption
#   (aws_ebs_encryption_by_default with enabled absent, true or unknown).
#   Volumes restored from a snapshot (snapshot_id set or referenced) take the
#   snapshot's encryption and are skipped; in a plan an unknown snapshot_id
#   without any reference is the provider's placeholder for "not set". An
#   unknown encrypted value (plans compute it when it is not set) does not
#   fire. Where default encryption is turned on in another configuration (an
#   account baseline), set the parameter default_encryption_elsewhere to
#   true.
# custom:
#   id: GATE-AWS-EBS-001
#   severity: high
#   remediation: |-
#     Encrypt the volume (or enable EBS encryption by default for the account
#     and region with aws_ebs_encryption_by_default):
#     ```hcl
#     resource "aws_ebs_volume" "data" {
#       availability_zone = "eu-west-1a"
#       size              = 100
#       encrypted         = true
#       kms_key_id        = aws_kms_key.ebs.arn
#     }
#     ```
#   resource_types: [aws_ebs_volume]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1, CC6.7]
#     iso27001_2022: [A.8.24]
#     nist_csf_2: [PR.DS-01]
#     nist_800_53r5: [SC-28, SC-28(1)]
#   params:
#     default_encryption_elsewhere: false
package gate.rules.terraform.aws.ebs_volume_encrypted

import rego.v1

import data.gate.lib.aws
import data.gate.lib.params
import data.gate.lib.terraform as tf

deny contains tf.finding(v, "encrypted", msg) if {
	some v in aws.managed("aws_ebs_volume")
	tf.missing_or_false(v, "encrypted")
	not aws.may_be_set(v, "snapshot_id")
	not default_encryption_maybe_on
	msg := sprintf("EBS volume %s is not encrypted (encrypted is false or not set and default EBS encryption is not enabled in this configuration)", [v.address])
}

default_encryption_maybe_on if {
	some d in aws.managed("aws_ebs_encryption_by_default")
	not tf.is_false(d, "enabled")
}

default_encryption_maybe_on if params.param("GATE-AWS-EBS-001", "default_encryption_elsewhere", false) == true
