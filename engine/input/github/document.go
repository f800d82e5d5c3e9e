package ghsettings

import (
	"sort"

	"github.com/google/go-github/v89/github"

	"github.com/gatehq/gate/engine/model"
)

// Sources named in provenance of repository-level facts.
const (
	srcRepo       = "GET /repos/{owner}/{repo}"
	srcOrg        = "GET /orgs/{org}"
	srcVulnAlerts = "GET /repos/{owner}/{repo}/vulnerability-alerts"
	srcCodeowners = "GET /repos/{owner}/{repo}/codeowners/errors"
	srcProtection = "GET /repos/{owner}/{repo}/branches/{branch}/protection"
	srcRules      = "GET /repos/{owner}/{repo}/rules/branches/{branch}"
	srcRulesets   = "GET /repos/{owner}/{repo}/rulesets?includes_parents=true"

	reasonSecurityAnalysis = "security_and_analysis not returned: needs a repository admin or security manager token (administration:read)"
)

func known(v any, source string) map[string]any {
	return map[string]any{"known": true, "value": v, "source": source}
}

func unknownFact(reason string) map[string]any {
	return map[string]any{"known": false, "reason": reason}
}

// document turns what was read into the document rules see (see
// rules/github/README.md for the shape).
func document(f *fetched) *model.Document {
	full := f.Owner + "/" + f.Name
	in := map[string]any{
		"repository":   repositoryFacts(f),
		"organization": organizationFacts(f),
	}

	metas := rulesetMetas(f)
	rulesets := []any{}
	for _, rd := range f.Rulesets {
		rulesets = append(rulesets, rulesetFacts(rd, metas[rd.Summary.GetID()]))
	}
	if f.RulesetsErr != nil {
		in["rulesets"] = map[string]any{"known": false, "reason": rulesReason(f.RulesetsErr, f), "value": rulesets}
	} else {
		in["rulesets"] = map[string]any{"known": true, "value": rulesets, "source": srcRulesets}
	}

	branches := []any{}
	for _, b := range f.Branches {
		branches = append(branches, branchFacts(f, b, metas))
	}
	in["branches"] = branches

	unreadable := make([]any, 0, len(f.Unreadable))
	for _, u := range f.Unreadable {
		unreadable = append(unreadable, u)
	}
	in["unreadable"] = unreadable

	return &model.Document{
		Kind:      model.KindGitHub,
		Source:    "github",
		Path:      "github:" + full,
		Input:     in,
		Positions: model.Positions{},
	}
}

func repositoryFacts(f *fetched) map[string]any {
	r := f.Repo
	visibility := r.GetVisibility()
	if visibility == "" {
		visibility = "public"
		if r.GetPrivate() {
			visibility = "private"
		}
	}
	out := map[string]any{
		"full_name":      f.Owner + "/" + f.Name,
		"owner":          f.Owner,
		"name":           f.Name,
		"owner_type":     r.GetOwner().GetType(),
		"default_branch": r.GetDefaultBranch(),
		"visibility":     visibility,
		"private":        r.GetPrivate(),
		"archived":       r.GetArchived(),
		"fork":           r.GetFork(),
	}
	if p := r.Permissions; p != nil {
		out["viewer_permissions"] = known(map[string]any{
			"admin": p.GetAdmin(), "maintain": p.GetMaintain(), "push": p.GetPush(),
			"triage": p.GetTriage(), "pull": p.GetPull(),
		}, srcRepo)
	} else {
		out["viewer_permissions"] = unknownFact("permissions not returned for this token")
	}

	switch {
	case !f.OrgApplicable:
		out["plan"] = unknownFact("plan of a user account is not read")
	case f.Org == nil:
		out["plan"] = unknownFact(f.OrgErr.reason("admin:org read"))
	case f.Org.GetPlan().GetName() != "":
		out["plan"] = known(f.Org.GetPlan().GetName(), srcOrg)
	default:
		out["plan"] = unknownFact("plan visible to organization owners only")
	}

	optBool := func(b *bool) any {
		if b == nil {
			return nil
		}
		return *b
	}
	out["merge_settings"] = map[string]any{
		"allow_merge_commit":          optBool(r.AllowMergeCommit),
		"allow_squash_merge":          optBool(r.AllowSquashMerge),
		"allow_rebase_merge":          optBool(r.AllowRebaseMerge),
		"allow_auto_merge":            optBool(r.AllowAutoMerge),
		"allow_update_branch":         optBool(r.AllowUpdateBranch),
		"delete_branch_on_merge":      optBool(r.DeleteBranchOnMerge),
		"web_commit_signoff_required": optBool(r.WebCommitSignoffRequired),
	}

	sa := r.SecurityAndAnalysis
	status := func(key string, s *string) map[string]any {
		switch {
		case sa == nil:
			return unknownFact(reasonSecurityAnalysis)
		case s == nil:
			return unknownFact("security_and_analysis." + key + " not returned for this repository")
		}
		m := known(*s == "enabled", srcRepo+" security_and_analysis."+key)
		m["status"] = *s
		return m
	}
	var adv, ss, pp, dsu, vc *string
	if sa != nil {
		if x := sa.AdvancedSecurity; x != nil {
			adv = x.Status
		}
		if x := sa.SecretScanning; x != nil {
			ss = x.Status
		}
		if x := sa.SecretScanningPushProtection; x != nil {
			pp = x.Status
		}
		if x := sa.DependabotSecurityUpdates; x != nil {
			dsu = x.Status
		}
		if x := sa.SecretScanningValidityChecks; x != nil {
			vc = x.Status
		}
	}
	out["security_and_analysis"] = map[string]any{
		"advanced_security":               status("advanced_security", adv),
		"secret_scanning":                 status("secret_scanning", ss),
		"secret_scanning_push_protection": status("secret_scanning_push_protection", pp),
		"dependabot_security_updates":     status("dependabot_security_updates", dsu),
		"secret_scanning_validity_checks": status("secret_scanning_validity_checks", vc),
	}
	if f.VulnAlerts != nil {
		out["vulnerability_alerts"] = known(*f.VulnAlerts, srcVulnAlerts)
	} else {
		out["vulnerability_alerts"] = unknownFact(vulnReason(f.VulnErr))
	}
	return out
}

func organizationFacts(f *fetched) map[string]any {
	if !f.OrgApplicable {
		return map[string]any{"applicable": false, "reason": "repository is owned by a user account"}
	}
	out := map[string]any{"applicable": true, "login": f.Owner}
	if f.Org == nil {
		r := f.OrgErr.reason("admin:org read")
		out["two_factor_requirement_enabled"] = unknownFact(r)
		out["default_repository_permission"] = unknownFact(r)
		return out
	}
	if v := f.Org.TwoFactorRequirementEnabled; v != nil {
		out["two_factor_requirement_enabled"] = known(*v, srcOrg)
	} else {
		out["two_factor_requirement_enabled"] = unknownFact("two_factor_requirement_enabled not returned: visible to organization owners only (admin:org read)")
	}
	if v := f.Org.DefaultRepoPermission; v != nil {
		out["default_repository_permission"] = known(*v, srcOrg)
	} else {
		out["default_repository_permission"] = unknownFact("default_repository_permission not returned: visible to organization members only")
	}
	return out
}

// rulesetMetas describes every listed ruleset for the merge.
func rulesetMetas(f *fetched) map[int64]*rulesetMeta {
	out := map[int64]*rulesetMeta{}
	for _, rd := range f.Rulesets {
		s := rd.Summary
		m := &rulesetMeta{
			ID: s.GetID(), Name: s.Name, SourceType: deref(s.SourceType), Source: s.Source,
			Enforcement: string(s.Enforcement),
		}
		switch {
		case rd.Detail != nil:
			d := rd.Detail
			if d.Name != "" {
				m.Name = d.Name
			}
			if d.Enforcement != "" {
				m.Enforcement = string(d.Enforcement)
			}
			if d.BypassActors != nil {
				m.BypassKnown, m.Bypass = true, d.BypassActors
			} else {
				m.BypassReason = "not returned: the token cannot edit this ruleset"
			}
		case rd.DetailErr != nil:
			m.BypassReason = "ruleset not readable: " + rd.DetailErr.reason("metadata:read")
		default:
			m.BypassReason = "ruleset not read (target " + deref(s.Target) + ")"
		}
		out[m.ID] = m
	}
	return out
}

func rulesetFacts(rd *rulesetData, m *rulesetMeta) map[string]any {
	out := map[string]any{
		"id":          int(m.ID),
		"name":        m.Name,
		"label":       m.label(),
		"source_type": m.SourceType,
		"source":      m.Source,
		"enforcement": m.Enforcement,
		"enforced":    m.Enforcement == string(github.RulesetEnforcementActive),
		"target":      deref(rd.Summary.Target),
	}
	if rd.Detail == nil {
		r := m.BypassReason
		out["detail"] = unknownFact(r)
		out["bypass_actors"] = unknownFact(r)
		return out
	}
	d := rd.Detail
	if t := deref(d.Target); t != "" {
		out["target"] = t
	}
	include, exclude := []any{}, []any{}
	if d.Conditions != nil && d.Conditions.RefName != nil {
		include = stringsToAny(d.Conditions.RefName.Include)
		exclude = stringsToAny(d.Conditions.RefName.Exclude)
	}
	out["ref_name"] = map[string]any{"include": include, "exclude": exclude}
	types := []any{}
	for _, r := range appliedFromRuleset(d) {
		types = append(types, r.Type)
	}
	out["rules"] = types
	if m.BypassKnown {
		actors := []any{}
		for _, a := range m.Bypass {
			if a == nil {
				continue
			}
			e := map[string]any{"actor": actorName(a), "actor_type": deref(a.ActorType), "bypass_mode": deref(a.BypassMode)}
			if a.ActorID != nil {
				e["actor_id"] = int(*a.ActorID)
			}
			actors = append(actors, e)
		}
		out["bypass_actors"] = known(actors, srcRulesets)
	} else {
		out["bypass_actors"] = unknownFact(m.BypassReason)
	}
	return out
}

func branchFacts(f *fetched, b *branchData, metas map[int64]*rulesetMeta) map[string]any {
	full := f.Owner + "/" + f.Name
	def := f.Repo.GetDefaultBranch()
	in := branchInput{Rulesets: metas}

	switch {
	case b.ProtectionErr == nil && b.Protection != nil:
		in.Classic = classicState{Known: true, Protection: b.Protection}
	case branchNotProtected(b.ProtectionErr):
		in.Classic = classicState{Known: true}
	case b.ProtectionErr != nil:
		in.Classic = classicState{Reason: classicReason(b.ProtectionErr, f)}
	default:
		in.Classic = classicState{Reason: "classic branch protection: empty response"}
	}
	var classic map[string]any
	if in.Classic.Known {
		classic = known(in.Classic.Protection != nil, srcProtection)
	} else {
		classic = unknownFact(in.Classic.Reason)
	}

	var rulesFact map[string]any
	if b.RulesErr != nil {
		in.RulesReason = rulesReason(b.RulesErr, f)
		rulesFact = unknownFact(in.RulesReason)
	} else {
		in.RulesKnown = true
		in.Rules = append(in.Rules, b.Rules...)
		rules := append([]appliedRule(nil), b.Rules...)
		sort.SliceStable(rules, func(i, j int) bool {
			if rules[i].RulesetID != rules[j].RulesetID {
				return rules[i].RulesetID < rules[j].RulesetID
			}
			return rules[i].Type < rules[j].Type
		})
		list := []any{}
		for _, r := range rules {
			list = append(list, map[string]any{"type": r.Type, "ruleset_id": int(r.RulesetID)})
		}
		rulesFact = known(list, srcRules)
	}

	// Rules of rulesets that target this branch but are not active: they
	// are reported, never counted.
	var targetsUnknown []any
	for _, rd := range f.Rulesets {
		m := metas[rd.Summary.GetID()]
		if m.enforced() {
			continue
		}
		if t := deref(rd.Summary.Target); t != "" && t != string(github.RulesetTargetBranch) {
			continue
		}
		if rd.Detail == nil {
			targetsUnknown = append(targetsUnknown, map[string]any{
				"id": int(m.ID), "name": m.Name, "label": m.label(), "enforcement": m.Enforcement,
				"rules": []any{}, "targets_branch": nil, "reason": m.BypassReason,
			})
			continue
		}
		match, ok := targetsBranch(rd.Detail, b.Name, def)
		if !ok || !match {
			continue
		}
		rules := appliedFromRuleset(rd.Detail)
		if len(rules) == 0 {
			targetsUnknown = append(targetsUnknown, map[string]any{
				"id": int(m.ID), "name": m.Name, "label": m.label(), "enforcement": m.Enforcement,
				"rules": []any{}, "targets_branch": true,
			})
			continue
		}
		in.Rules = append(in.Rules, rules...)
	}

	res := mergeBranch(in)
	notEnforced := append(res.NotEnforced, targetsUnknown...)

	var codeowners map[string]any
	switch {
	case b.Codeowners != nil:
		codeowners = known(true, srcCodeowners+"?ref={branch}")
		codeowners["errors"] = len(b.Codeowners.Errors)
	case b.CodeownersNone:
		codeowners = known(false, srcCodeowners+"?ref={branch} returned 404 (no CODEOWNERS file)")
	default:
		codeowners = unknownFact(b.CodeownersErr.reason("contents:read"))
	}

	return map[string]any{
		"name":                  b.Name,
		"default":               b.IsDefault,
		"resource":              full + "@" + b.Name,
		"classic_protection":    classic,
		"rules_for_branch":      rulesFact,
		"codeowners_file":       codeowners,
		"protection":            res.Protection,
		"bypass":                res.Bypass,
		"rulesets_enforced":     res.Enforced,
		"rulesets_not_enforced": notEnforced,
	}
}
