# METADATA
# title: Dependencies of an ecosystem are not kept up to date
# description: >-
#   Every package ecosystem found in the repository (Go modules, npm, Docker
#   base images, Terraform providers and modules, GitHub Actions, pip,
#   Bundler, Maven, Gradle, Cargo) should be watched by Dependabot or
#   Renovate in each directory that holds its manifests, so that
#   vulnerable versions are replaced by pull request. A Dependabot file
#   that GitHub rejects covers nothing. Directories matching
#   `ignore_directories` (test fixtures by default) are skipped.
# custom:
#   id: GATE-REPO-014
#   severity: medium
#   remediation: |-
#     Add an update entry per ecosystem and directory to .github/dependabot.yml:
#     ```yaml
#     version: 2
#     updates:
#       - package-ecosystem: gomod
#         directory: /
#         schedule:
#           interval: weekly
#       - package-ecosystem: terraform
#         directories: ["/infra/*"]
#         schedule:
#           interval: weekly
#     ```
#     or configure Renovate (renovate.json).
#   params:
#     ignore_directories: ['**/testdata', '**/testdata/**', '**/fixtures', '**/fixtures/**']
#   controls:
#     soc2: [CC7.1]
#     iso27001_2022: [A.8.8]
#     nist_csf_2: [ID.RA-01, PR.PS-02]
#     nist_800_53r5: [RA-5, SI-2]
package gate.rules.repo.dependency_updates

import data.gate.lib.params
import data.gate.lib.repo as lib

ignored := params.param("GATE-REPO-014", "ignore_directories", ["**/testdata", "**/testdata/**", "**/fixtures", "**/fixtures/**"])

# Dependabot package-ecosystem values that update each ecosystem.
dependabot_names := {
	"gomod": {"gomod"},
	"npm": {"npm", "bun"},
	"docker": {"docker"},
	"terraform": {"terraform", "opentofu"},
	"pip": {"pip", "uv"},
	"bundler": {"bundler"},
	"maven": {"maven"},
	"gradle": {"gradle"},
	"cargo": {"cargo"},
	"github-actions": {"github-actions"},
}

# Renovate managers that update each ecosystem.
renovate_managers := {
	"gomod": {"gomod"},
	"npm": {"npm", "bun"},
	"docker": {"dockerfile"},
	"terraform": {"terraform"},
	"pip": {"pip_requirements", "pep621", "poetry", "pipenv", "pip_setup", "setup-cfg"},
	"bundler": {"bundler"},
	"maven": {"maven"},
	"gradle": {"gradle"},
	"cargo": {"cargo"},
	"github-actions": {"github-actions"},
}

# Negations below go through helper rules: `not f(x)` with an undefined x
# is false in Rego (the argument is evaluated outside the negation).
renovate_on if {
	r := input.renovate
	is_object(r)
	not r.error
	not renovate_disabled
}

renovate_disabled if input.renovate.content.enabled == false

managers_listed if is_array(input.renovate.content.enabledManagers)

renovate_covers(_) if {
	renovate_on
	not managers_listed
}

renovate_covers(eco) if {
	renovate_on
	some m in input.renovate.content.enabledManagers
	m in renovate_managers[eco]
}

dependabot_ok if {
	d := input.dependabot
	is_object(d)
	count(d.errors) == 0
}

dependabot_covers(eco, dir) if {
	dependabot_ok
	some u in input.dependabot.updates
	u["package-ecosystem"] in object.get(dependabot_names, eco, {eco})
	some pattern in u.directories
	dir_match(lib.norm_dir(pattern), dir, eco)
}

dir_match(p, dir, _) if p == dir

dir_match(p, dir, _) if {
	contains(p, "*")
	not regex.match(`[\[\]{}]`, p)
	glob.match(p, ["/"], dir)
}

dir_match(p, "/", "github-actions") if p == "/.github/workflows"

ignored_dir(d) if {
	some p in ignored
	glob.match(p, ["/"], d)
}

resource := input.dependabot.path if {
	is_string(input.dependabot.path)
} else := ".github/dependabot.yml"

why := sprintf(" (%s is invalid: %s)", [input.dependabot.path, input.dependabot.errors[0].message]) if {
	is_object(input.dependabot)
	count(input.dependabot.errors) > 0
} else := ""

deny contains {"resource": resource, "attribute": "updates", "msg": msg} if {
	some e in input.ecosystems
	some dir in e.directories
	not ignored_dir(dir)
	not renovate_covers(e.name)
	not dependabot_covers(e.name, dir)
	msg := sprintf("no Dependabot or Renovate updates for %s in %s%s", [e.name, dir, why])
}
