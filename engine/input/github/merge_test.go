package ghsettings

import (
	"reflect"
	"testing"

	"github.com/google/go-github/v89/github"
)

func ptr[T any](v T) *T { return &v }

// fullClassic is classic protection with everything on.
func fullClassic() *github.Protection {
	return &github.Protection{
		RequiredPullRequestReviews: &github.PullRequestReviewsEnforcement{
			RequiredApprovingReviewCount: 1, DismissStaleReviews: true, RequireCodeOwnerReviews: true, RequireLastPushApproval: true,
		},
		RequiredStatusChecks:           &github.RequiredStatusChecks{Strict: true, Contexts: &[]string{"build"}},
		EnforceAdmins:                  &github.AdminEnforcement{Enabled: true},
		AllowForcePushes:               &github.AllowForcePushes{Enabled: false},
		AllowDeletions:                 &github.AllowDeletions{Enabled: false},
		RequiredConversationResolution: &github.RequiredConversationResolution{Enabled: true},
		RequiredSignatures:             &github.SignaturesProtectedBranch{Enabled: ptr(false)},
		RequireLinearHistory:           &github.RequireLinearHistory{Enabled: true},
	}
}

func prRule(id int64, src string, p github.PullRequestRuleParameters) appliedRule {
	return appliedRule{RulesetID: id, SourceType: src, Type: "pull_request", PullRequest: &p}
}

func typeRule(id int64, src, t string) appliedRule {
	return appliedRule{RulesetID: id, SourceType: src, Type: t}
}

func meta(id int64, src, name, enforcement string, bypass ...*github.BypassActor) *rulesetMeta {
	return &rulesetMeta{ID: id, SourceType: src, Name: name, Enforcement: enforcement, BypassKnown: true, Bypass: bypass}
}

func actor(typ string, id int64, mode string) *github.BypassActor {
	t, m := github.BypassActorType(typ), github.BypassMode(mode)
	return &github.BypassActor{ActorID: &id, ActorType: &t, BypassMode: &m}
}

const (
	org  = "Organization"
	repo = "Repository"
)

// TestMergeBranch is the effective-protection table: which value wins and
// where it came from.
func TestMergeBranch(t *testing.T) {
	notProtected := classicState{Known: true}
	noRules := func(c classicState) branchInput { return branchInput{Classic: c, RulesKnown: true} }
	type want struct {
		field  string
		known  bool
		value  any    // when known
		source string // when known ("" = do not check)
		reason string // when unknown
		least  any    // at_least when unknown (nil = absent)
	}
	tests := []struct {
		name  string
		in    branchInput
		wants []want
	}{
		{
			name: "classic only",
			in:   noRules(classicState{Known: true, Protection: fullClassic()}),
			wants: []want{
				{field: fProtected, known: true, value: true, source: classicLabel},
				{field: fApprovals, known: true, value: 1, source: classicLabel},
				{field: fStale, known: true, value: true, source: classicLabel},
				{field: fStatusChecks, known: true, value: []any{"build"}, source: classicLabel},
				{field: fForcePushBlocked, known: true, value: true, source: classicLabel},
				{field: fSignatures, known: true, value: false, source: "neither classic branch protection nor an active ruleset sets it"},
			},
		},
		{
			name: "not protected at all",
			in:   noRules(notProtected),
			wants: []want{
				{field: fProtected, known: true, value: false},
				{field: fPullRequest, known: true, value: false},
				{field: fApprovals, known: true, value: 0},
				{field: fStatusChecks, known: true, value: []any{}},
			},
		},
		{
			name: "ruleset only",
			in: branchInput{
				Classic: notProtected, RulesKnown: true,
				Rules: []appliedRule{
					prRule(7, repo, github.PullRequestRuleParameters{RequiredApprovingReviewCount: 2, DismissStaleReviewsOnPush: true}),
					typeRule(7, repo, "non_fast_forward"),
				},
				Rulesets: map[int64]*rulesetMeta{7: meta(7, repo, "main", "active")},
			},
			wants: []want{
				{field: fProtected, known: true, value: true, source: `repository ruleset 7 "main"`},
				{field: fApprovals, known: true, value: 2, source: `repository ruleset 7 "main"`},
				{field: fStale, known: true, value: true, source: `repository ruleset 7 "main"`},
				{field: fForcePushBlocked, known: true, value: true, source: `repository ruleset 7 "main"`},
				{field: fDeletionsBlocked, known: true, value: false},
				{field: fCodeOwners, known: true, value: false},
			},
		},
		{
			name: "org and repo rulesets over classic: the strictest wins",
			in: branchInput{
				Classic: classicState{Known: true, Protection: fullClassic()}, RulesKnown: true,
				Rules: []appliedRule{
					prRule(1234, org, github.PullRequestRuleParameters{RequiredApprovingReviewCount: 3}),
					prRule(42, repo, github.PullRequestRuleParameters{RequiredApprovingReviewCount: 2}),
					{RulesetID: 42, SourceType: repo, Type: "required_status_checks", StatusChecks: &github.RequiredStatusChecksRuleParameters{
						RequiredStatusChecks: []*github.RuleStatusCheck{{Context: "gate"}, {Context: "build"}},
					}},
					typeRule(1234, org, "required_signatures"),
				},
				Rulesets: map[int64]*rulesetMeta{
					1234: meta(1234, org, "main-protection", "active"),
					42:   meta(42, repo, "repo", "active"),
				},
			},
			wants: []want{
				{field: fApprovals, known: true, value: 3, source: `org ruleset 1234 "main-protection"`},
				{field: fStatusChecks, known: true, value: []any{"build", "gate"}, source: `classic branch protection; repository ruleset 42 "repo"`},
				{field: fStrict, known: true, value: true, source: classicLabel},
				{field: fSignatures, known: true, value: true, source: `org ruleset 1234 "main-protection"`},
				{field: fStale, known: true, value: true, source: classicLabel},
			},
		},
		{
			name: "evaluate and disabled rulesets are ignored",
			in: branchInput{
				Classic: notProtected, RulesKnown: true,
				Rules: []appliedRule{
					prRule(5, org, github.PullRequestRuleParameters{RequiredApprovingReviewCount: 4}),
					typeRule(5, org, "non_fast_forward"),
					typeRule(6, repo, "deletion"),
				},
				Rulesets: map[int64]*rulesetMeta{
					5: meta(5, org, "trial", "evaluate"),
					6: meta(6, repo, "off", "disabled"),
				},
			},
			wants: []want{
				{field: fProtected, known: true, value: false},
				{field: fPullRequest, known: true, value: false},
				{field: fApprovals, known: true, value: 0},
				{field: fForcePushBlocked, known: true, value: false},
				{field: fDeletionsBlocked, known: true, value: false},
			},
		},
		{
			name: "classic unreadable, ruleset requires: known from the ruleset",
			in: branchInput{
				Classic: classicState{Reason: "token lacks administration:read"}, RulesKnown: true,
				Rules:    []appliedRule{prRule(9, repo, github.PullRequestRuleParameters{RequiredApprovingReviewCount: 1})},
				Rulesets: map[int64]*rulesetMeta{9: meta(9, repo, "pr", "active")},
			},
			wants: []want{
				{field: fProtected, known: true, value: true},
				{field: fPullRequest, known: true, value: true},
				{field: fApprovals, known: false, reason: "token lacks administration:read", least: 1},
				{field: fStale, known: false, reason: "token lacks administration:read"},
				{field: fStatusChecks, known: false, reason: "token lacks administration:read", least: []any{}},
			},
		},
		{
			name: "nothing readable",
			in:   branchInput{Classic: classicState{Reason: reasonFreePlan}, RulesReason: reasonFreePlan},
			wants: []want{
				{field: fProtected, known: false, reason: reasonFreePlan},
				{field: fApprovals, known: false, reason: reasonFreePlan, least: 0},
			},
		},
		{
			name: "classic protection without optional keys",
			in: noRules(classicState{Known: true, Protection: &github.Protection{
				RequiredPullRequestReviews: &github.PullRequestReviewsEnforcement{RequiredApprovingReviewCount: 2},
			}}),
			wants: []want{
				{field: fPullRequest, known: true, value: true},
				{field: fForcePushBlocked, known: false, reason: "classic branch protection response has no allow_force_pushes"},
				{field: fSignatures, known: false, reason: "classic branch protection response has no required_signatures"},
				{field: fStrict, known: true, value: false},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := mergeBranch(tc.in)
			for _, w := range tc.wants {
				f := res.Protection[w.field].(map[string]any)
				if f["known"] != w.known {
					t.Errorf("%s: known = %v (%v)", w.field, f["known"], f)
					continue
				}
				if w.known {
					if !reflect.DeepEqual(f["value"], w.value) {
						t.Errorf("%s = %#v, want %#v", w.field, f["value"], w.value)
					}
					if w.source != "" && f["source"] != w.source {
						t.Errorf("%s source = %q, want %q", w.field, f["source"], w.source)
					}
					continue
				}
				if f["reason"] != w.reason {
					t.Errorf("%s reason = %q, want %q", w.field, f["reason"], w.reason)
				}
				if !reflect.DeepEqual(f["at_least"], w.least) {
					t.Errorf("%s at_least = %#v, want %#v", w.field, f["at_least"], w.least)
				}
			}
		})
	}
}

func TestMergeReportsNotEnforced(t *testing.T) {
	res := mergeBranch(branchInput{
		Classic: classicState{Known: true}, RulesKnown: true,
		Rules: []appliedRule{
			typeRule(6, repo, "deletion"), prRule(6, repo, github.PullRequestRuleParameters{}), typeRule(8, org, "non_fast_forward"),
		},
		Rulesets: map[int64]*rulesetMeta{6: meta(6, repo, "Protected", "disabled"), 8: meta(8, org, "o", "active")},
	})
	want := []any{map[string]any{
		"id": 6, "name": "Protected", "label": `repository ruleset 6 "Protected"`, "enforcement": "disabled",
		"rules": []any{"deletion", "pull_request"}, "targets_branch": true,
	}}
	if !reflect.DeepEqual(res.NotEnforced, want) {
		t.Errorf("not enforced = %#v", res.NotEnforced)
	}
	if !reflect.DeepEqual(res.Enforced, []any{`org ruleset 8 "o"`}) {
		t.Errorf("enforced = %#v", res.Enforced)
	}
}

// TestBypass: who can get around the protection, always or only through
// pull requests, and what cannot be seen.
func TestBypass(t *testing.T) {
	noAdmins := fullClassic()
	noAdmins.EnforceAdmins.Enabled = false
	allowances := fullClassic()
	allowances.RequiredPullRequestReviews.BypassPullRequestAllowances = &github.BypassPullRequestAllowances{
		Users: []*github.User{{Login: ptr("release-bot")}}, Teams: []*github.Team{{Slug: ptr("leads")}}, Apps: []*github.App{{Slug: ptr("renovate")}},
	}
	tests := []struct {
		name   string
		in     branchInput
		actors []string // "actor|mode|source"
		known  bool
		reason string
	}{
		{
			name:  "enforce_admins on, no rulesets",
			in:    branchInput{Classic: classicState{Known: true, Protection: fullClassic()}, RulesKnown: true},
			known: true,
		},
		{
			name:   "admins exempt from classic protection",
			in:     branchInput{Classic: classicState{Known: true, Protection: noAdmins}, RulesKnown: true},
			actors: []string{"repository administrators|always|classic branch protection"},
			known:  true,
		},
		{
			name: "classic pull request allowances",
			in:   branchInput{Classic: classicState{Known: true, Protection: allowances}, RulesKnown: true},
			actors: []string{
				"user release-bot|always|classic branch protection", "team leads|always|classic branch protection",
				"app renovate|always|classic branch protection",
			},
			known: true,
		},
		{
			name: "ruleset actors by mode",
			in: branchInput{
				Classic: classicState{Known: true}, RulesKnown: true,
				Rules: []appliedRule{typeRule(42, repo, "deletion"), typeRule(1234, org, "non_fast_forward"), typeRule(77, org, "deletion")},
				Rulesets: map[int64]*rulesetMeta{
					42: meta(42, repo, "Test Ruleset", "active",
						actor("RepositoryRole", 5, "always"), actor("OrganizationAdmin", 1, "always")),
					1234: meta(1234, org, "main-protection", "active",
						actor("Team", 99, "pull_request"), actor("Integration", 3, "never"), actor("DeployKey", 0, "exempt")),
					77: meta(77, org, "trial", "evaluate", actor("RepositoryRole", 4, "always")),
				},
			},
			actors: []string{
				`repository role admin (5)|always|repository ruleset 42 "Test Ruleset"`,
				`organization admins|always|repository ruleset 42 "Test Ruleset"`,
				`team 99|pull_request|org ruleset 1234 "main-protection"`,
				`deploy keys|always|org ruleset 1234 "main-protection"`,
			},
			known: true,
		},
		{
			name: "bypass actors not visible",
			in: branchInput{
				Classic: classicState{Known: true, Protection: fullClassic()}, RulesKnown: true,
				Rules:    []appliedRule{typeRule(5678, repo, "pull_request")},
				Rulesets: map[int64]*rulesetMeta{5678: {ID: 5678, SourceType: repo, Name: "pr", Enforcement: "active", BypassReason: "not returned: the token cannot edit this ruleset"}},
			},
			known:  false,
			reason: `bypass actors of repository ruleset 5678 "pr": not returned: the token cannot edit this ruleset`,
		},
		{
			name:   "classic unreadable",
			in:     branchInput{Classic: classicState{Reason: "token lacks administration:read"}, RulesKnown: true},
			known:  false,
			reason: "token lacks administration:read",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := mergeBranch(tc.in).Bypass
			var got []string
			for _, a := range b["actors"].([]any) {
				a := a.(map[string]any)
				got = append(got, a["actor"].(string)+"|"+a["mode"].(string)+"|"+a["source"].(string))
			}
			if !reflect.DeepEqual(got, tc.actors) {
				t.Errorf("actors = %q, want %q", got, tc.actors)
			}
			if b["known"] != tc.known || (!tc.known && b["reason"] != tc.reason) {
				t.Errorf("known = %v reason = %q, want %v %q", b["known"], b["reason"], tc.known, tc.reason)
			}
		})
	}
}

func TestRefPatterns(t *testing.T) {
	tests := []struct {
		pattern, branch string
		want            bool
	}{
		{"~ALL", "anything/at-all", true},
		{"~DEFAULT_BRANCH", "main", true},
		{"~DEFAULT_BRANCH", "dev", false},
		{"refs/heads/main", "main", true},
		{"refs/heads/main", "main2", false},
		{"refs/heads/release/*", "release/1.0", true},
		{"refs/heads/release/*", "release/1.0/hotfix", false},
		{"refs/heads/release/**", "release/1.0/hotfix", true},
		{"refs/heads/**", "a/b", true},
		{"refs/heads/v?.x", "v1.x", true},
		{"refs/heads/[ab]*", "beta", true},
		{"refs/heads/[!ab]*", "beta", false},
		{"refs/heads/fix.*", "fixA1", false},
		{"main", "main", true},
	}
	for _, tc := range tests {
		if got := refPatternMatches(tc.pattern, tc.branch, "main"); got != tc.want {
			t.Errorf("%q matches %q = %v, want %v", tc.pattern, tc.branch, got, tc.want)
		}
	}
}

func TestTargetsBranch(t *testing.T) {
	rs := func(include, exclude []string) *github.RepositoryRuleset {
		return &github.RepositoryRuleset{Conditions: &github.RepositoryRulesetConditions{
			RefName: &github.RepositoryRulesetRefConditionParameters{Include: include, Exclude: exclude},
		}}
	}
	tests := []struct {
		name      string
		rs        *github.RepositoryRuleset
		branch    string
		match, ok bool
	}{
		{"default branch", rs([]string{"~DEFAULT_BRANCH"}, nil), "main", true, true},
		{"excluded", rs([]string{"~ALL"}, []string{"refs/heads/main"}), "main", false, true},
		{"other branch", rs([]string{"refs/heads/release/*"}, nil), "main", false, true},
		{"no ref_name condition", &github.RepositoryRuleset{}, "main", false, false},
	}
	for _, tc := range tests {
		match, ok := targetsBranch(tc.rs, tc.branch, "main")
		if match != tc.match || ok != tc.ok {
			t.Errorf("%s: got %v %v, want %v %v", tc.name, match, ok, tc.match, tc.ok)
		}
	}
}
