package gate.rules.repo.dependency_updates_test

import data.gate.rules.repo.dependency_updates as rule

ecosystems := [
	{"name": "gomod", "directories": ["/", "/tools"]},
	{"name": "github-actions", "directories": ["/"]},
	{"name": "terraform", "directories": ["/infra/prod", "/infra/stage", "/fixtures/tf"]},
	{"name": "pip", "directories": ["/py"]},
]

dependabot(updates, errors) := {"path": ".github/dependabot.yml", "updates": updates, "errors": errors}

msgs(r) := {x.msg | some x in r}

test_nothing_configured if {
	r := rule.deny with input as {"ecosystems": ecosystems, "dependabot": null, "renovate": null}
	msgs(r) == {
		"no Dependabot or Renovate updates for gomod in /", "no Dependabot or Renovate updates for gomod in /tools",
		"no Dependabot or Renovate updates for github-actions in /",
		"no Dependabot or Renovate updates for terraform in /infra/prod", "no Dependabot or Renovate updates for terraform in /infra/stage",
		"no Dependabot or Renovate updates for pip in /py",
	}
	{x.resource | some x in r} == {".github/dependabot.yml"}
}

test_dependabot_per_directory if {
	d := dependabot([
		{"index": 0, "package-ecosystem": "gomod", "directories": ["/"]},
		{"index": 1, "package-ecosystem": "github-actions", "directories": [".github/workflows/"]},
		{"index": 2, "package-ecosystem": "opentofu", "directories": ["/infra/*"]},
		{"index": 3, "package-ecosystem": "uv", "directories": ["py/"]},
	], [])
	r := rule.deny with input as {"ecosystems": ecosystems, "dependabot": d, "renovate": null}
	msgs(r) == {"no Dependabot or Renovate updates for gomod in /tools"}
}

test_invalid_dependabot_covers_nothing if {
	d := dependabot([{"index": 0, "package-ecosystem": "pip", "directories": ["/py"]}], [{"line": 5, "message": "line 5: schedule.interval is cron but schedule.cronjob is missing"}])
	r := rule.deny with input as {"ecosystems": [{"name": "pip", "directories": ["/py"]}], "dependabot": d, "renovate": null}
	msgs(r) == {"no Dependabot or Renovate updates for pip in /py (.github/dependabot.yml is invalid: line 5: schedule.interval is cron but schedule.cronjob is missing)"}
}

test_renovate_all if {
	count(rule.deny) == 0 with input as {"ecosystems": ecosystems, "dependabot": null, "renovate": {"path": "renovate.json", "format": "json", "content": {"extends": ["config:recommended"]}}}
}

test_renovate_json5 if {
	count(rule.deny) == 0 with input as {"ecosystems": ecosystems, "dependabot": null, "renovate": {"path": "renovate.json5", "format": "json5", "content": null}}
}

test_renovate_managers if {
	r := rule.deny with input as {"ecosystems": ecosystems, "dependabot": null, "renovate": {"path": "renovate.json", "content": {"enabledManagers": ["gomod", "github-actions", "pep621"]}}}
	msgs(r) == {"no Dependabot or Renovate updates for terraform in /infra/prod", "no Dependabot or Renovate updates for terraform in /infra/stage"}
}

test_renovate_off if {
	count(rule.deny) == 6 with input as {"ecosystems": ecosystems, "dependabot": null, "renovate": {"path": "renovate.json", "content": {"enabled": false}}}
	count(rule.deny) == 6 with input as {"ecosystems": ecosystems, "dependabot": null, "renovate": {"path": "renovate.json", "content": null, "error": "bad"}}
}

test_glob_with_brackets_is_not_an_error if {
	d := dependabot([{"index": 0, "package-ecosystem": "npm", "directories": ["/apps/[id]*"]}], [])
	count(rule.deny) == 1 with input as {"ecosystems": [{"name": "npm", "directories": ["/apps/x"]}], "dependabot": d, "renovate": null}
}
