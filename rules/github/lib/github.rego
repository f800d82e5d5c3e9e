# Helpers shared by the GitHub settings rules (gate.rules.github.*). The
# document they read is described in rules/github/README.md.
#
# Every value the reader could not see is a fact {"known": false, "reason": …};
# a fact missing from the document is treated the same way, so a rule never
# passes silently on data it did not get.

# METADATA
# title: Helpers shared by the GitHub settings rules
# description: >-
#   A library, not a rule: it defines no deny or unknown results, has no
#   controls of its own and is imported by the rules that use it.
package gate.lib.github

import rego.v1

# repo is "owner/name".
repo := input.repository.full_name if {
	is_string(input.repository.full_name)
} else := "unknown repository"

# branches are the branches the reader read (the default branch at least).
branches := input.branches if {
	is_array(input.branches)
} else := []

# resource names a branch: "owner/name@branch".
resource(b) := b.resource if {
	is_string(b.resource)
} else := sprintf("%v@%v", [repo, b.name])

# fact(obj, key) is obj[key] when it is a fact object, else an unknown fact
# saying the key is missing.
fact(obj, key) := f if {
	f := obj[key]
	is_object(f)
} else := {"known": false, "reason": sprintf("%v missing from the input document", [key])}

# field(b, name) is the effective protection field of a branch.
field(b, name) := fact(object.get(b, "protection", {}), name)

is_known(f) if f.known == true

is_true(f) if {
	f.known == true
	f.value == true
}

is_false(f) if {
	f.known == true
	f.value == false
}

# reason says why a fact is unknown.
reason(f) := f.reason if {
	is_string(f.reason)
	f.reason != ""
} else := "not visible to this token"

# source is the provenance of a known fact.
source(f) := f.source if {
	is_string(f.source)
} else := "unknown source"

# finding builds a deny element for a branch.
finding(b, attr, msg) := {"resource": resource(b), "attribute": attr, "msg": msg}

# unknown_finding builds an unknown element for a branch: msg is the reason.
unknown_finding(b, attr, f) := {"resource": resource(b), "attribute": attr, "msg": reason(f)}

# repo_finding and repo_unknown are the same for repository-level settings.
repo_finding(attr, msg) := {"resource": repo, "attribute": attr, "msg": msg}

repo_unknown(attr, f) := {"resource": repo, "attribute": attr, "msg": reason(f)}

# not_set is the usual FAIL explanation of a boolean protection field.
not_set(f) := sprintf("not enforced (%v)", [source(f)])
