# METADATA
# title: Reusable workflow called with secrets inherit
# description: >-
#   `secrets: inherit` hands every secret of the repository and organisation
#   to the called workflow, whatever it needs. A change to that workflow (or
#   to a third-party one) can then read all of them. Pass the secrets it
#   uses by name.
# custom:
#   id: GATE-REPO-007
#   severity: medium
#   remediation: |-
#     Name the secrets the called workflow needs:
#     ```yaml
#     jobs:
#       deploy:
#         uses: ./.github/workflows/deploy.yml
#         secrets:
#           DEPLOY_TOKEN: ${{ secrets.DEPLOY_TOKEN }}
#     ```
#   controls:
#     soc2: [CC6.1, CC6.3]
#     iso27001_2022: [A.5.17, A.8.2]
#     nist_csf_2: [PR.AA-05]
#     nist_800_53r5: [AC-6, IA-5]
package gate.rules.repo.secrets_inherit

import data.gate.lib.repo as lib

deny contains {"resource": w.path, "attribute": lib.child(lib.job_path(id), "secrets"), "msg": msg} if {
	some w in lib.workflows
	some id, job in lib.jobs(w.content)
	is_string(job.secrets)
	lower(trim_space(job.secrets)) == "inherit"
	msg := sprintf("job %s passes every secret to %v (secrets: inherit)", [id, object.get(job, "uses", "the called workflow")])
}
