# METADATA
# title: Instance and launch template block devices are not explicitly unencrypted
# description: >-
#   Block devices declared on an instance or in a launch template with
#   encrypted = false create unencrypted volumes (and snapshots) unless
#   account-level default encryption overrides them. The rule fails the
#   root_block_device and ebs_block_device blocks of aws_instance, the
#   block_device_mappings[].ebs blocks of aws_launch_template and the
#   root_block_device and ebs_block_device blocks of aws_launch_configuration
#   that set encrypted to false (a launch template also accepts "false").
#   An absent value is not judged (it follows the AMI snapshot or the account
#   default), nor is anything when the configuration turns on
#   aws_ebs_encryption_by_default. Devices restored from a snapshot
#   (snapshot_id set) take the snapshot's encryption and are skipped.
# custom:
#   id: GATE-AWS-EBS-003
#   severity: high
#   remediation: |-
#     Encrypt the block device:
#     ```hcl
#     resource "aws_instance" "this" {
#       # ...
#       root_block_device {
#         encrypted  = true
#         kms_key_id = aws_kms_key.ebs.arn
#       }
#     }
#     ```
#   resource_types: [aws_instance, aws_launch_template, aws_launch_configuration]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1, CC6.7]
#     iso27001_2022: [A.8.24]
#     nist_csf_2: [PR.DS-01]
#     nist_800_53r5: [SC-28, SC-28(1)]
package gate.rules.terraform.aws.ebs_block_device_encrypted

import rego.v1

import data.gate.lib.aws
import data.gate.lib.terraform as tf

devices contains {"r": r, "attr": sprintf("%s[%d].encrypted", [name, i]), "dev": dev} if {
	some t in ["aws_instance", "aws_launch_configuration"]
	some r in aws.managed(t)
	some name in ["root_block_device", "ebs_block_device"]
	devs := r.values[name]
	is_array(devs)
	some i, dev in devs
	is_object(dev)
}

devices contains {"r": r, "attr": sprintf("block_device_mappings[%d].ebs[0].encrypted", [i]), "dev": dev} if {
	some r in aws.managed("aws_launch_template")
	maps := r.values.block_device_mappings
	is_array(maps)
	some i, m in maps
	is_object(m)
	dev := tf.block({"values": m}, "ebs")
}

deny contains tf.finding(d.r, d.attr, msg) if {
	some d in devices
	d.dev.encrypted in {false, "false"}
	aws.empty(object.get(d.dev, "snapshot_id", null))
	not default_encryption_maybe_on
	msg := sprintf("%s declares an unencrypted EBS block device (%s = false)", [d.r.address, d.attr])
}

default_encryption_maybe_on if {
	some e in aws.managed("aws_ebs_encryption_by_default")
	not tf.is_false(e, "enabled")
}
