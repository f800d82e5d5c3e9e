package ghsettings

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/google/go-github/v89/github"
)

// classicLabel is the provenance of a value set by classic branch protection.
const classicLabel = "classic branch protection"

// classicState is what GET …/branches/{branch}/protection said.
type classicState struct {
	Known  bool
	Reason string // why it is unknown
	// Protection is nil, with Known, for a branch without classic protection.
	Protection *github.Protection
}

// rulesetMeta describes one ruleset for the merge.
type rulesetMeta struct {
	ID         int64
	Name       string
	SourceType string // Repository, Organization, Enterprise
	Source     string
	// Enforcement is active, evaluate or disabled; "" when the ruleset could
	// not be read (rules/branches lists rules of active rulesets only).
	Enforcement string

	BypassKnown  bool
	BypassReason string
	Bypass       []*github.BypassActor
}

// label names the ruleset in provenance: `org ruleset 1234 "main-protection"`.
func (m *rulesetMeta) label() string {
	kind := "ruleset"
	switch m.SourceType {
	case string(github.RulesetSourceTypeOrganization):
		kind = "org ruleset"
	case string(github.RulesetSourceTypeRepository):
		kind = "repository ruleset"
	case string(github.RulesetSourceTypeEnterprise):
		kind = "enterprise ruleset"
	}
	s := kind + " " + strconv.FormatInt(m.ID, 10)
	if m.Name != "" {
		s += " " + strconv.Quote(m.Name)
	}
	return s
}

func (m *rulesetMeta) enforced() bool {
	return m.Enforcement == "" || m.Enforcement == string(github.RulesetEnforcementActive)
}

// branchInput is everything known about one branch's protection.
type branchInput struct {
	Classic     classicState
	RulesKnown  bool
	RulesReason string
	// Rules are the rules that apply to the branch: the active ones from
	// rules/branches and those of non-active rulesets that target it.
	Rules    []appliedRule
	Rulesets map[int64]*rulesetMeta
}

// branchResult is the effective protection of one branch.
type branchResult struct {
	Protection  map[string]any
	Bypass      map[string]any
	Enforced    []any // labels of the active rulesets that apply
	NotEnforced []any // rulesets that target the branch but do not protect it
}

// Effective protection fields, in document order.
const (
	fProtected         = "protected"
	fPullRequest       = "pull_request_required"
	fApprovals         = "required_approvals"
	fStale             = "dismiss_stale_reviews"
	fCodeOwners        = "require_code_owner_reviews"
	fLastPush          = "require_last_push_approval"
	fConversation      = "required_conversation_resolution"
	fStatusChecks      = "required_status_checks"
	fStrict            = "strict_status_checks"
	fForcePushBlocked  = "force_pushes_blocked"
	fDeletionsBlocked  = "deletions_blocked"
	fSignatures        = "required_signatures"
	fLinearHistory     = "required_linear_history"
	kindBool           = "bool"  // any source setting it is enough
	kindMax            = "max"   // the largest value wins
	kindUnion          = "union" // lists add up
	reasonNoRulesetRef = "ruleset not in the repository's ruleset list"
)

var fieldKinds = []struct{ name, kind string }{
	{fProtected, kindBool},
	{fPullRequest, kindBool},
	{fApprovals, kindMax},
	{fStale, kindBool},
	{fCodeOwners, kindBool},
	{fLastPush, kindBool},
	{fConversation, kindBool},
	{fStatusChecks, kindUnion},
	{fStrict, kindBool},
	{fForcePushBlocked, kindBool},
	{fDeletionsBlocked, kindBool},
	{fSignatures, kindBool},
	{fLinearHistory, kindBool},
}

type contribution struct {
	source string
	value  any // bool, int or []string
}

// acc gathers what each source says about one field.
type acc struct {
	kind     string
	contribs []contribution
	unknown  []string
}

func (a *acc) add(source string, v any) { a.contribs = append(a.contribs, contribution{source, v}) }

func (a *acc) unknownBecause(reason string) {
	for _, r := range a.unknown {
		if r == reason {
			return
		}
	}
	a.unknown = append(a.unknown, reason)
}

// fact renders the field: {"known": true, "value": v, "source": s,
// "sources": [...]} or {"known": false, "reason": r, "sources": [...]}
// with "at_least" for numbers and lists when some sources are known.
// Protection only adds up, so a true boolean from one source is known even
// when another source could not be read.
func (a *acc) fact() map[string]any {
	sources := make([]any, 0, len(a.contribs))
	for _, c := range a.contribs {
		v := c.value
		if l, ok := v.([]string); ok {
			v = stringsToAny(l)
		}
		sources = append(sources, map[string]any{"source": c.source, "value": v})
	}
	out := map[string]any{"sources": sources}
	unknown := func() map[string]any {
		out["known"] = false
		out["reason"] = strings.Join(a.unknown, "; ")
		return out
	}
	switch a.kind {
	case kindBool:
		for _, c := range a.contribs {
			if c.value.(bool) {
				out["known"], out["value"], out["source"] = true, true, c.source
				return out
			}
		}
		if len(a.unknown) > 0 {
			return unknown()
		}
		out["known"], out["value"], out["source"] = true, false, a.negativeSource()
	case kindMax:
		best, src := 0, ""
		for _, c := range a.contribs {
			if v := c.value.(int); src == "" || v > best {
				best, src = v, c.source
			}
		}
		if len(a.unknown) > 0 {
			out["at_least"] = best
			return unknown()
		}
		if best == 0 {
			src = a.negativeSource()
		}
		out["known"], out["value"], out["source"] = true, best, src
	case kindUnion:
		set := map[string]bool{}
		var from []string
		for _, c := range a.contribs {
			l := c.value.([]string)
			if len(l) > 0 {
				from = append(from, c.source)
			}
			for _, s := range l {
				set[s] = true
			}
		}
		all := make([]string, 0, len(set))
		for s := range set {
			all = append(all, s)
		}
		sort.Strings(all)
		if len(a.unknown) > 0 {
			out["at_least"] = stringsToAny(all)
			return unknown()
		}
		src := strings.Join(from, "; ")
		if len(from) == 0 {
			src = a.negativeSource()
		}
		out["known"], out["value"], out["source"] = true, stringsToAny(all), src
	default:
		panic("ghsettings: unknown field kind " + a.kind)
	}
	return out
}

// negativeSource is the provenance of a value nothing sets.
func (a *acc) negativeSource() string {
	return "neither classic branch protection nor an active ruleset sets it"
}

func stringsToAny(l []string) []any {
	out := make([]any, len(l))
	for i, s := range l {
		out[i] = s
	}
	return out
}

// mergeBranch computes the effective protection of one branch from classic
// protection and the rulesets that apply to it. GitHub layers them: a rule
// from any source applies, and the most restrictive value wins. Rulesets
// with enforcement evaluate or disabled protect nothing and are reported
// in NotEnforced.
func mergeBranch(in branchInput) branchResult {
	fields := map[string]*acc{}
	for _, f := range fieldKinds {
		fields[f.name] = &acc{kind: f.kind}
	}
	addClassic(fields, in.Classic)

	if !in.RulesKnown {
		for _, f := range fieldKinds {
			fields[f.name].unknownBecause(in.RulesReason)
		}
	}
	metaOf := func(r appliedRule) *rulesetMeta {
		if m, ok := in.Rulesets[r.RulesetID]; ok && m != nil {
			return m
		}
		return &rulesetMeta{ID: r.RulesetID, SourceType: r.SourceType, Source: r.Source, BypassReason: reasonNoRulesetRef}
	}
	// Rulesets in id order, a ruleset's rules by type: the order of pages
	// and of the API's grouping does not matter.
	rules := append([]appliedRule(nil), in.Rules...)
	sort.SliceStable(rules, func(i, j int) bool {
		if rules[i].RulesetID != rules[j].RulesetID {
			return rules[i].RulesetID < rules[j].RulesetID
		}
		return rules[i].Type < rules[j].Type
	})
	enforced := map[int64]*rulesetMeta{}
	notEnforced := map[int64]*rulesetMeta{}
	notEnforcedTypes := map[int64][]string{}
	var enforcedOrder, notEnforcedOrder []int64
	for _, r := range rules {
		m := metaOf(r)
		if !m.enforced() {
			if _, ok := notEnforced[m.ID]; !ok {
				notEnforced[m.ID] = m
				notEnforcedOrder = append(notEnforcedOrder, m.ID)
			}
			notEnforcedTypes[m.ID] = appendUnique(notEnforcedTypes[m.ID], r.Type)
			continue
		}
		label := m.label()
		if _, ok := enforced[m.ID]; !ok {
			enforced[m.ID] = m
			enforcedOrder = append(enforcedOrder, m.ID)
			fields[fProtected].add(label, true)
		}
		addRule(fields, label, r)
	}

	res := branchResult{Protection: map[string]any{}, Enforced: []any{}, NotEnforced: []any{}}
	for _, f := range fieldKinds {
		res.Protection[f.name] = fields[f.name].fact()
	}
	for _, id := range enforcedOrder {
		res.Enforced = append(res.Enforced, enforced[id].label())
	}
	for _, id := range notEnforcedOrder {
		m := notEnforced[id]
		res.NotEnforced = append(res.NotEnforced, map[string]any{
			"id":             int(m.ID),
			"name":           m.Name,
			"label":          m.label(),
			"enforcement":    m.Enforcement,
			"rules":          stringsToAny(notEnforcedTypes[id]),
			"targets_branch": true,
		})
	}
	res.Bypass = bypassOf(in, enforcedOrder, enforced)
	return res
}

func appendUnique(l []string, s string) []string {
	for _, x := range l {
		if x == s {
			return l
		}
	}
	return append(l, s)
}

func addClassic(fields map[string]*acc, c classicState) {
	if !c.Known {
		for _, f := range fieldKinds {
			fields[f.name].unknownBecause(c.Reason)
		}
		return
	}
	p := c.Protection
	if p == nil {
		label := classicLabel + " (branch not protected)"
		for _, f := range fieldKinds {
			switch f.kind {
			case kindBool:
				fields[f.name].add(label, false)
			case kindMax:
				fields[f.name].add(label, 0)
			case kindUnion:
				fields[f.name].add(label, []string{})
			}
		}
		return
	}
	optional := func(name, key string, present, v bool) {
		if !present {
			fields[name].unknownBecause(classicLabel + " response has no " + key)
			return
		}
		fields[name].add(classicLabel, v)
	}
	rpr := p.RequiredPullRequestReviews
	fields[fProtected].add(classicLabel, true)
	fields[fPullRequest].add(classicLabel, rpr != nil)
	approvals := 0
	if rpr != nil {
		approvals = rpr.RequiredApprovingReviewCount
	}
	fields[fApprovals].add(classicLabel, approvals)
	fields[fStale].add(classicLabel, rpr != nil && rpr.DismissStaleReviews)
	fields[fCodeOwners].add(classicLabel, rpr != nil && rpr.RequireCodeOwnerReviews)
	fields[fLastPush].add(classicLabel, rpr != nil && rpr.RequireLastPushApproval)
	optional(fConversation, "required_conversation_resolution", p.RequiredConversationResolution != nil,
		p.RequiredConversationResolution != nil && p.RequiredConversationResolution.Enabled)

	rsc := p.RequiredStatusChecks
	checks := []string{}
	if rsc != nil {
		seen := map[string]bool{}
		if rsc.Checks != nil {
			for _, c := range *rsc.Checks {
				if c != nil && !seen[c.Context] {
					seen[c.Context] = true
					checks = append(checks, c.Context)
				}
			}
		}
		if rsc.Contexts != nil {
			for _, c := range *rsc.Contexts {
				if !seen[c] {
					seen[c] = true
					checks = append(checks, c)
				}
			}
		}
		sort.Strings(checks)
	}
	fields[fStatusChecks].add(classicLabel, checks)
	fields[fStrict].add(classicLabel, rsc != nil && rsc.Strict)

	optional(fForcePushBlocked, "allow_force_pushes", p.AllowForcePushes != nil,
		p.AllowForcePushes != nil && !p.AllowForcePushes.Enabled)
	optional(fDeletionsBlocked, "allow_deletions", p.AllowDeletions != nil,
		p.AllowDeletions != nil && !p.AllowDeletions.Enabled)
	optional(fSignatures, "required_signatures", p.RequiredSignatures != nil && p.RequiredSignatures.Enabled != nil,
		p.RequiredSignatures != nil && p.RequiredSignatures.GetEnabled())
	optional(fLinearHistory, "required_linear_history", p.RequireLinearHistory != nil,
		p.RequireLinearHistory != nil && p.RequireLinearHistory.Enabled)
}

func addRule(fields map[string]*acc, label string, r appliedRule) {
	switch r.Type {
	case "pull_request":
		fields[fPullRequest].add(label, true)
		if p := r.PullRequest; p != nil {
			fields[fApprovals].add(label, p.RequiredApprovingReviewCount)
			fields[fStale].add(label, p.DismissStaleReviewsOnPush)
			fields[fCodeOwners].add(label, p.RequireCodeOwnerReview)
			fields[fLastPush].add(label, p.RequireLastPushApproval)
			fields[fConversation].add(label, p.RequiredReviewThreadResolution)
		}
	case "required_status_checks":
		if p := r.StatusChecks; p != nil {
			var checks []string
			for _, c := range p.RequiredStatusChecks {
				if c != nil {
					checks = appendUnique(checks, c.Context)
				}
			}
			sort.Strings(checks)
			if checks == nil {
				checks = []string{}
			}
			fields[fStatusChecks].add(label, checks)
			fields[fStrict].add(label, p.StrictRequiredStatusChecksPolicy)
		}
	case "non_fast_forward":
		fields[fForcePushBlocked].add(label, true)
	case "deletion":
		fields[fDeletionsBlocked].add(label, true)
	case "required_signatures":
		fields[fSignatures].add(label, true)
	case "required_linear_history":
		fields[fLinearHistory].add(label, true)
	}
}

// repositoryRoles names the base repository roles rulesets refer to by id.
var repositoryRoles = map[int64]string{2: "maintain", 4: "write", 5: "admin"}

func actorName(a *github.BypassActor) string {
	id := a.GetActorID()
	switch t := deref(a.ActorType); t {
	case string(github.BypassActorTypeOrganizationAdmin):
		return "organization admins"
	case string(github.BypassActorTypeRepositoryRole):
		if n, ok := repositoryRoles[id]; ok {
			return fmt.Sprintf("repository role %s (%d)", n, id)
		}
		return fmt.Sprintf("repository role %d", id)
	case string(github.BypassActorTypeTeam):
		return fmt.Sprintf("team %d", id)
	case string(github.BypassActorTypeIntegration):
		return fmt.Sprintf("GitHub App %d", id)
	case string(github.BypassActorTypeDeployKey):
		return "deploy keys"
	case "EnterpriseOwner":
		return "enterprise owners"
	case "":
		return fmt.Sprintf("actor %d", id)
	default:
		return fmt.Sprintf("%s %d", t, id)
	}
}

// bypassOf lists who can get around the branch's protection: admins when
// classic protection does not include them, the classic pull-request bypass
// allowances, and the bypass actors of every active ruleset that applies.
// mode is "always" (pushes and merges; also "exempt") or "pull_request"
// (only when merging a pull request).
func bypassOf(in branchInput, order []int64, enforced map[int64]*rulesetMeta) map[string]any {
	actors := []any{}
	var unknown []string
	addUnknown := func(r string) {
		for _, x := range unknown {
			if x == r {
				return
			}
		}
		unknown = append(unknown, r)
	}
	c := in.Classic
	switch {
	case !c.Known:
		addUnknown(c.Reason)
	case c.Protection != nil:
		p := c.Protection
		if p.EnforceAdmins == nil {
			addUnknown(classicLabel + " response has no enforce_admins")
		} else if !p.EnforceAdmins.Enabled {
			actors = append(actors, map[string]any{
				"actor": "repository administrators", "actor_type": "RepositoryRole",
				"mode": "always", "bypass_mode": "enforce_admins disabled",
				"scope": "all classic protection rules", "source": classicLabel,
			})
		}
		if rpr := p.RequiredPullRequestReviews; rpr != nil && rpr.BypassPullRequestAllowances != nil {
			al := rpr.BypassPullRequestAllowances
			add := func(name, typ string) {
				actors = append(actors, map[string]any{
					"actor": name, "actor_type": typ, "mode": "always", "bypass_mode": "bypass_pull_request_allowances",
					"scope": "required pull requests", "source": classicLabel,
				})
			}
			for _, u := range al.Users {
				add("user "+u.GetLogin(), "User")
			}
			for _, t := range al.Teams {
				add("team "+t.GetSlug(), "Team")
			}
			for _, a := range al.Apps {
				add("app "+a.GetSlug(), "Integration")
			}
		}
	}
	if !in.RulesKnown {
		addUnknown(in.RulesReason)
	}
	for _, id := range order {
		m := enforced[id]
		if !m.BypassKnown {
			r := m.BypassReason
			if r == "" {
				r = "bypass actors not visible"
			}
			addUnknown("bypass actors of " + m.label() + ": " + r)
			continue
		}
		for _, a := range m.Bypass {
			if a == nil {
				continue
			}
			raw := deref(a.BypassMode)
			mode := "always"
			switch raw {
			case string(github.BypassModeNever):
				continue
			case string(github.BypassModePullRequest):
				mode = "pull_request"
			}
			actor := map[string]any{
				"actor": actorName(a), "actor_type": deref(a.ActorType),
				"mode": mode, "bypass_mode": raw, "scope": "all rules of the ruleset", "source": m.label(),
			}
			if a.ActorID != nil {
				actor["actor_id"] = int(*a.ActorID)
			}
			actors = append(actors, actor)
		}
	}
	out := map[string]any{"known": len(unknown) == 0, "actors": actors}
	if len(unknown) > 0 {
		out["reason"] = strings.Join(unknown, "; ")
	}
	return out
}
