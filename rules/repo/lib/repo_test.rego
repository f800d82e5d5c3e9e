package gate.lib.repo_test

import data.gate.lib.repo as lib

test_child_paths if {
	lib.child("", "jobs") == "jobs"
	lib.child("jobs", "build-1_x") == "jobs.build-1_x"
	lib.child("with", "a.b") == `with["a.b"]`
	lib.step_path("build", 2) == "jobs.build.steps[2]"
}

test_triggers_forms if {
	lib.triggers({"on": "push"}) == {"push"}
	lib.triggers({"on": ["push", "pull_request"]}) == {"push", "pull_request"}
	lib.triggers({"on": {"pull_request_target": null, "workflow_dispatch": {}}}) == {"pull_request_target", "workflow_dispatch"}
	lib.triggers({}) == set()
	lib.only_workflow_call({"on": {"workflow_call": {}}})
	not lib.only_workflow_call({"on": ["workflow_call", "push"]})
}

test_expressions_normalised if {
	lib.expressions("a ${{ github.event.issue.title }} b ${{ GitHub['head_ref'] }} ${{\n github.event.commits[0].message }}") == {
		"github.event.issue.title", "github.head_ref", "github.event.commits.0.message",
	}
	lib.expressions(5) == set()
}

test_untrusted_expressions if {
	every e in [
		"github.event.issue.title", "github.event.pull_request.body", "github.head_ref",
		"github.event.comment.body", "github.event.review.body", "github.event.pages.*.page_name",
		"github.event.commits.0.message", "github.event.head_commit.author.email",
		"github.event.workflow_run.head_branch", "github.event.pull_request.head.ref",
		"github.event.client_payload.foo", "format('{0}',github.event.issue.body)",
		"github.event.discussion.title", "github.event.workflow_run.head_commit.message",
	] {
		lib.untrusted(e)
	}
	every e in [
		"github.event.pull_request.head.sha", "github.event.issue.number", "github.repository",
		"github.event.pull_request.title_length", "xgithub.head_ref", "inputs.title", "github.sha",
	] {
		not lib.untrusted(e)
	}
}

test_workflows_split_by_readability if {
	inp := {"workflows": [{"path": "a.yml", "content": {"on": "push"}}, {"path": "b.yml", "content": null, "error": "line 1: bad"}]}
	{w.path | some w in lib.workflows} == {"a.yml"} with input as inp
	{w.path | some w in lib.unreadable_workflows} == {"b.yml"} with input as inp
}

test_booleans_and_dirs if {
	lib.is_false(false)
	lib.is_false(" False")
	not lib.is_false(null)
	lib.is_true("true")
	lib.norm_dir("/") == "/"
	lib.norm_dir("") == "/"
	lib.norm_dir(".github/actions/x/") == "/.github/actions/x"
	lib.visibility == "<<unknown>>" with input as {"repository": {"visibility": "<<unknown>>"}}
	lib.visibility == "public" with input as {"repository": {"visibility": "public"}}
}
