# METADATA
# title: Third-party action or reusable workflow not pinned to a commit SHA
# description: >-
#   A tag or branch (`@v2`, `@main`) can be moved by whoever controls the
#   action's repository, so the code a workflow runs can change without a
#   change to the workflow. Only a full 40-character commit SHA is
#   immutable. Docker actions need an image digest (`@sha256:…`). Actions
#   of the owners in `allow_unpinned_owners` (GitHub's own `actions` and
#   `github` by default) and local actions (`./…`) are not checked.
# custom:
#   id: GATE-REPO-004
#   severity: high
#   remediation: |-
#     Pin to the commit the tag points at and keep the tag as a comment, so
#     Dependabot or Renovate can update both:
#     ```yaml
#     - uses: acme/deploy-action@0a1b2c3d4e5f60718293a4b5c6d7e8f901234567 # v2.1.0
#     ```
#   params:
#     allow_unpinned_owners: [actions, github]
#   controls:
#     soc2: [CC6.8, CC9.2]
#     iso27001_2022: [A.5.21, A.8.25]
#     nist_csf_2: [GV.SC-05, ID.RA-09]
#     nist_800_53r5: [SI-7, SR-3, SR-11]
package gate.rules.repo.unpinned_actions

import data.gate.lib.params
import data.gate.lib.repo as lib

allowed_owners := {lower(o) | some o in params.param("GATE-REPO-004", "allow_unpinned_owners", ["actions", "github"])}

# references are every `uses:` of a step or of a job (reusable workflow).
references contains [w.path, attr, u] if {
	some w in lib.workflows
	some id, job in lib.jobs(w.content)
	some i, step in lib.steps(job)
	u := step.uses
	attr := sprintf("%s.uses", [lib.step_path(id, i)])
}

references contains [w.path, attr, u] if {
	some w in lib.workflows
	some id, job in lib.jobs(w.content)
	u := job.uses
	attr := lib.child(lib.job_path(id), "uses")
}

deny contains {"resource": file, "attribute": attr, "msg": msg} if {
	some [file, attr, u] in references
	is_string(u)
	msg := problem(trim_space(u))
}

problem(u) := sprintf("docker action %s is not pinned to an image digest (@sha256:…)", [u]) if {
	startswith(lower(u), "docker://")
	not regex.match(`@sha256:[0-9a-fA-F]{64}$`, u)
}

problem(u) := sprintf("%s is not pinned to a full commit SHA", [u]) if {
	not startswith(u, "./")
	not startswith(lower(u), "docker://")
	not lower(split(u, "/")[0]) in allowed_owners
	not sha_pinned(u)
}

sha_pinned(u) if regex.match(`^[^@]+@[0-9a-fA-F]{40}$`, u)
