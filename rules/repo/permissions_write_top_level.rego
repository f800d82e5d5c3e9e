# METADATA
# title: Workflow grants write scopes to all its jobs
# description: >-
#   A `write` scope in the top-level `permissions:` block is given to every
#   job of the workflow, including jobs that only build or test. Grant write
#   scopes in the job that needs them and keep the workflow level read-only.
# custom:
#   id: GATE-REPO-003
#   severity: medium
#   remediation: |-
#     Move write scopes to the job that uses them:
#     ```yaml
#     permissions:
#       contents: read
#     jobs:
#       release:
#         permissions:
#           contents: write
#     ```
#   controls:
#     soc2: [CC6.1, CC6.3]
#     iso27001_2022: [A.5.15, A.8.2]
#     nist_csf_2: [PR.AA-05]
#     nist_800_53r5: [AC-6]
package gate.rules.repo.permissions_write_top_level

import data.gate.lib.repo as lib

deny contains {"resource": w.path, "attribute": lib.child("permissions", scope), "msg": msg} if {
	some w in lib.workflows
	is_object(w.content.permissions)
	some scope, level in w.content.permissions
	is_string(level)
	lower(trim_space(level)) == "write"
	msg := sprintf("top-level permissions grant %s: write to every job; grant it in the job that needs it", [scope])
}
