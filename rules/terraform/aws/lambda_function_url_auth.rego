# METADATA
# title: Lambda function URL requires IAM authentication
# description: >-
#   A function URL with authorization_type = "NONE" is a public HTTPS
#   endpoint: anybody on the internet can invoke the function, run up its
#   cost and reach whatever its role can access, unless the code itself
#   authenticates every request.
# custom:
#   id: GATE-AWS-LMB-001
#   severity: high
#   remediation: |-
#     Require SigV4-signed requests (front a public API with API Gateway or
#     CloudFront plus an authoriser instead):
#     ```hcl
#     resource "aws_lambda_function_url" "this" {
#       function_name      = aws_lambda_function.this.function_name
#       authorization_type = "AWS_IAM"
#     }
#     ```
#   resource_types: [aws_lambda_function_url]
#   sources: [plan, hcl]
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.5.15, A.8.5]
#     nist_csf_2: [PR.AA-05]
#     nist_800_53r5: [AC-3, IA-2]
package gate.rules.terraform.aws.lambda_function_url_auth

import rego.v1

import data.gate.lib.aws_services as aws
import data.gate.lib.terraform as tf

deny contains tf.finding(u, "authorization_type", msg) if {
	some u in tf.resources("aws_lambda_function_url")
	aws.eq_ci(u.values.authorization_type, "NONE")
	msg := sprintf("Lambda function URL %s lets anybody invoke the function without authentication (authorization_type = \"NONE\")", [u.address])
}
