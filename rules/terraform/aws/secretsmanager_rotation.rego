# METADATA
# title: Secrets Manager secret has automatic rotation
# description: >-
#   A secret that is never rotated stays valid for as long as it exists, so
#   a leaked copy keeps working indefinitely. Rotation is looked for in an
#   aws_secretsmanager_secret_rotation of the same configuration (or the
#   legacy inline rotation arguments); when a rotation points at a secret
#   that cannot be resolved, no secret is judged.
# custom:
#   id: GATE-AWS-SM-001
#   severity: low
#   remediation: |-
#     Attach a rotation schedule and rotation function:
#     ```hcl
#     resource "aws_secretsmanager_secret_rotation" "db" {
#       secret_id           = aws_secretsmanager_secret.db.id
#       rotation_lambda_arn = aws_lambda_function.rotate.arn
#       rotation_rules {
#         automatically_after_days = 30
#       }
#     }
#     ```
#   resource_types: [aws_secretsmanager_secret, aws_secretsmanager_secret_rotation]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.5.17]
#     nist_csf_2: [PR.AA-01]
#     nist_800_53r5: [IA-5]
package gate.rules.terraform.aws.secretsmanager_rotation

import rego.v1

import data.gate.lib.aws_services as aws
import data.gate.lib.terraform as tf

deny contains tf.finding(s, "", msg) if {
	some s in tf.resources("aws_secretsmanager_secret")
	not inline_rotation(s)
	not aws.referenced_by(s, "aws_secretsmanager_secret_rotation", "secret_id")
	not aws.unresolved_reference("aws_secretsmanager_secret_rotation", "secret_id", "aws_secretsmanager_secret")
	msg := sprintf("Secrets Manager secret %s has no automatic rotation (no aws_secretsmanager_secret_rotation refers to it)", [s.address])
}

# Provider versions before 5.0 accepted rotation on the secret itself.
inline_rotation(s) if aws.present(s, "rotation_lambda_arn")

inline_rotation(s) if aws.present(s, "rotation_rules")
