# Test data for the GitHub settings rules: a fully protected document that
# each rule test weakens one field at a time.
package gate.lib.github_test

import rego.v1

import data.gate.lib.github as gh

on(src) := {"known": true, "value": true, "source": src}

off := {"known": true, "value": false, "source": "neither classic branch protection nor an active ruleset sets it"}

val(v) := {"known": true, "value": v, "source": "classic branch protection"}

unk(reason) := {"known": false, "reason": reason}

good_protection := {
	"protected": on("classic branch protection"),
	"pull_request_required": on("classic branch protection"),
	"required_approvals": val(2),
	"dismiss_stale_reviews": on("classic branch protection"),
	"require_code_owner_reviews": on("classic branch protection"),
	"require_last_push_approval": on("classic branch protection"),
	"required_conversation_resolution": on("classic branch protection"),
	"required_status_checks": val(["build", "gate"]),
	"strict_status_checks": on("classic branch protection"),
	"force_pushes_blocked": on("classic branch protection"),
	"deletions_blocked": on("org ruleset 1234 \"main-protection\""),
	"required_signatures": on("org ruleset 1234 \"main-protection\""),
	"required_linear_history": on("classic branch protection"),
}

# branch(over) is the default branch with protection fields replaced by over.
branch(over) := branch_with(over, {})

# branch_with(over, extra) also replaces top-level branch keys.
branch_with(over, extra) := object.union(
	{
		"name": "main",
		"default": true,
		"resource": "acme/app@main",
		"classic_protection": val(true),
		"rules_for_branch": val([]),
		"codeowners_file": val(true),
		"protection": object.union(good_protection, over),
		"bypass": {"known": true, "actors": []},
		"rulesets_enforced": [],
		"rulesets_not_enforced": [],
	},
	extra,
)

good_repository := {
	"full_name": "acme/app",
	"owner": "acme",
	"name": "app",
	"owner_type": "Organization",
	"default_branch": "main",
	"visibility": "private",
	"security_and_analysis": {
		"secret_scanning": val(true),
		"secret_scanning_push_protection": val(true),
		"dependabot_security_updates": val(true),
	},
	"vulnerability_alerts": val(true),
}

good_organization := {
	"applicable": true,
	"login": "acme",
	"two_factor_requirement_enabled": val(true),
}

# doc(b) is a document with one branch.
doc(b) := {
	"repository": good_repository,
	"organization": good_organization,
	"rulesets": {"known": true, "value": []},
	"branches": [b],
	"unreadable": [],
}

# doc_with(top) replaces top-level keys of the good document.
doc_with(top) := object.union(doc(branch({})), top)

test_field_present if {
	gh.field(branch({}), "required_approvals").value == 2
}

test_field_missing_is_unknown if {
	f := gh.field({"name": "main"}, "required_approvals")
	f.known == false
	gh.reason(f) == "required_approvals missing from the input document"
}

test_resource_falls_back_to_repo_and_name if {
	gh.resource({"name": "dev"}) == "acme/app@dev" with input as doc(branch({}))
}

test_repo_unknown_without_repository if {
	gh.repo == "unknown repository" with input as {}
}

test_reason_default if {
	gh.reason({"known": false}) == "not visible to this token"
}

test_is_true_needs_known if {
	not gh.is_true({"known": false, "value": true})
	gh.is_true(on("x"))
	gh.is_false(off)
}
