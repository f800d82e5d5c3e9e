# METADATA
# title: Workflow or job grants write-all token permissions
# description: >-
#   `permissions: write-all` gives the GITHUB_TOKEN write access to every
#   scope (contents, packages, actions, pull requests, deployments, id-token
#   …). Any step that is compromised — a third-party action, an injected
#   script — can then push code, publish packages or change releases.
# custom:
#   id: GATE-REPO-002
#   severity: high
#   remediation: |-
#     List only the scopes the job needs:
#     ```yaml
#     permissions:
#       contents: read
#       pull-requests: write
#     ```
#   controls:
#     soc2: [CC6.1, CC6.3]
#     iso27001_2022: [A.5.15, A.8.2]
#     nist_csf_2: [PR.AA-05]
#     nist_800_53r5: [AC-6]
package gate.rules.repo.permissions_write_all

import data.gate.lib.repo as lib

deny contains {"resource": w.path, "attribute": "permissions", "msg": "top-level permissions are write-all: every job gets a token that can write to every scope"} if {
	some w in lib.workflows
	is_string(w.content.permissions)
	lower(trim_space(w.content.permissions)) == "write-all"
}

deny contains {"resource": w.path, "attribute": attr, "msg": msg} if {
	some w in lib.workflows
	some id, job in lib.jobs(w.content)
	is_string(job.permissions)
	lower(trim_space(job.permissions)) == "write-all"
	attr := lib.child(lib.job_path(id), "permissions")
	msg := sprintf("job %s has write-all permissions: its token can write to every scope", [id])
}
