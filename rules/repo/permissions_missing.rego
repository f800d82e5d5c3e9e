# METADATA
# title: Workflow sets no GITHUB_TOKEN permissions
# description: >-
#   A workflow without a top-level `permissions:` block, whose jobs do not set
#   their own, runs every job with the repository's default token
#   permissions, which are read-write on older repositories and
#   organisations. Declaring permissions keeps each workflow at least
#   privilege whatever the default is. Reusable workflows (only
#   `workflow_call`) are skipped: the caller decides their token.
# custom:
#   id: GATE-REPO-001
#   severity: medium
#   remediation: |-
#     Add a top-level block that grants nothing and let each job ask for what it needs:
#     ```yaml
#     permissions: {}
#     jobs:
#       build:
#         permissions:
#           contents: read
#     ```
#   controls:
#     soc2: [CC6.1, CC6.3]
#     iso27001_2022: [A.5.15, A.8.2]
#     nist_csf_2: [PR.AA-05]
#     nist_800_53r5: [AC-6]
package gate.rules.repo.permissions_missing

import data.gate.lib.repo as lib

deny contains {"resource": w.path, "attribute": "permissions", "msg": msg} if {
	some w in lib.workflows
	not lib.has_key(w.content, "permissions")
	not lib.only_workflow_call(w.content)
	bare := sort([id | some id, job in lib.jobs(w.content); not lib.has_key(job, "permissions")])
	count(bare) > 0
	msg := sprintf("no top-level permissions and job(s) %s set none: they run with the repository's default GITHUB_TOKEN permissions", [concat(", ", bare)])
}
