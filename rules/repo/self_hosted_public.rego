# METADATA
# title: Self-hosted runner used by a public repository
# description: >-
#   Anyone can open a pull request against a public repository, and a
#   workflow it triggers runs on the self-hosted machine, which keeps state
#   between jobs and usually sits inside a private network. The repository's
#   visibility comes from the GitHub Actions event payload
#   (GITHUB_EVENT_PATH); without it the verdict is UNKNOWN.
# custom:
#   id: GATE-REPO-008
#   severity: high
#   remediation: |-
#     Use GitHub-hosted runners for public repositories, or ephemeral,
#     isolated self-hosted runners in a runner group restricted to this
#     repository, with approval required for outside contributors.
#   controls:
#     soc2: [CC6.1, CC6.8]
#     iso27001_2022: [A.8.22, A.8.31]
#     nist_csf_2: [PR.IR-01, PR.PS-05]
#     nist_800_53r5: [CM-7, SC-39]
package gate.rules.repo.self_hosted_public

import data.gate.lib.repo as lib

# labels(job) are the runner labels a job may ask for, matrix values included.
labels(job) := {l | some l in label_list(job["runs-on"], job)}

label_list(v, job) := [v] if {
	is_string(v)
	not matrix_key(v)
} else := [x | some x in v; is_string(x)] if {
	is_array(v)
} else := [v.labels] if {
	is_string(v.labels)
} else := [x | some x in v.labels; is_string(x)] if {
	is_array(v.labels)
} else := [x | some x in matrix_values(job, matrix_key(v))] if {
	is_string(v)
} else := []

matrix_key(v) := m[1] if {
	m := regex.find_all_string_submatch_n(`^\$\{\{\s*matrix\.([A-Za-z0-9_-]+)\s*\}\}$`, v, 1)[0]
}

# matrix_values are the strings a matrix variable takes, lists flattened.
matrix_values(job, key) := {s |
	some v in array.concat(as_array(object.get(job, ["strategy", "matrix", key], [])), include_values(job, key))
	some s in flatten(v)
}

include_values(job, key) := [i[key] | some i in as_array(object.get(job, ["strategy", "matrix", "include"], [])); is_object(i)]

as_array(v) := v if {
	is_array(v)
} else := []

flatten(v) := [v] if is_string(v)

flatten(v) := [x | some x in v; is_string(x)] if is_array(v)

self_hosted(job) if {
	some l in labels(job)
	lower(l) == "self-hosted"
}

uses_self_hosted contains [w.path, lib.child(lib.job_path(id), "runs-on"), id] if {
	some w in lib.workflows
	some id, job in lib.jobs(w.content)
	is_object(job)
	self_hosted(job)
}

deny contains {"resource": file, "attribute": attr, "msg": msg} if {
	lib.visibility == "public"
	some [file, attr, id] in uses_self_hosted
	msg := sprintf("job %s runs on a self-hosted runner in a public repository", [id])
}

unknown contains {"resource": file, "attribute": attr, "msg": msg} if {
	lib.visibility == lib.unknown
	some [file, attr, id] in uses_self_hosted
	msg := sprintf("job %s runs on a self-hosted runner; the repository's visibility is unknown (no GITHUB_EVENT_PATH payload)", [id])
}
