package ghsettings

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"

	"github.com/google/go-github/v89/github"
)

// fetched is everything read from the API (or a snapshot) for one
// repository, before it is turned into a document.
type fetched struct {
	Owner, Name string
	Repo        *github.Repository

	OrgApplicable bool
	Org           *github.Organization
	OrgErr        *apiError

	Branches []*branchData

	Rulesets    []*rulesetData // sorted by id
	RulesetsErr *apiError

	VulnAlerts *bool // nil when unknown
	VulnErr    *apiError

	// Unreadable lists every request that did not give an answer, in order.
	Unreadable []map[string]any
}

type branchData struct {
	Name      string
	IsDefault bool

	Protection    *github.Protection
	ProtectionErr *apiError // Status 404 + "Branch not protected": known, not protected

	Rules    []appliedRule // active rules from GET rules/branches/{branch}
	RulesErr *apiError

	Codeowners     *github.CodeownersErrors
	CodeownersErr  *apiError
	CodeownersNone bool // 404: no CODEOWNERS file on the branch
}

type rulesetData struct {
	Summary   *github.RepositoryRuleset
	Detail    *github.RepositoryRuleset
	DetailErr *apiError
}

// session is one reading of one repository through a go-github client.
type session struct {
	gh          *github.Client
	owner, name string
	branches    []string // as asked; "" = default branch
}

func (s *session) repoPath() string { return "/repos/" + s.owner + "/" + s.name }

// fetch reads the repository, its organisation, its rulesets and, for each
// branch, classic protection, the active rules and the CODEOWNERS state.
// Requests are made one after the other in a fixed order, so that a
// recorded snapshot replays exactly.
func (s *session) fetch(ctx context.Context) (*fetched, error) {
	f := &fetched{Owner: s.owner, Name: s.name}

	desc := "GET " + s.repoPath()
	_, ae, err := call(ctx, desc, func(ctx context.Context) (*github.Response, error) {
		r, resp, err := s.gh.Repositories.Get(ctx, s.owner, s.name)
		f.Repo = r
		return resp, err
	})
	if err != nil {
		return nil, err
	}
	if ae != nil {
		return nil, repoError(s.owner+"/"+s.name, ae)
	}
	if f.Repo == nil {
		return nil, fmt.Errorf("github: %s: empty response", desc)
	}

	if f.Repo.GetOwner().GetType() == "Organization" || f.Repo.Organization != nil {
		f.OrgApplicable = true
		desc := "GET /orgs/" + s.owner
		_, ae, err := call(ctx, desc, func(ctx context.Context) (*github.Response, error) {
			o, resp, err := s.gh.Organizations.Get(ctx, s.owner)
			f.Org = o
			return resp, err
		})
		if err != nil {
			return nil, err
		}
		if ae != nil {
			f.Org = nil
			f.OrgErr = ae
			f.Unreadable = append(f.Unreadable, ae.entry("organization", s.owner, ae.reason("admin:org read")))
		}
	}

	if err := s.fetchRulesets(ctx, f); err != nil {
		return nil, err
	}

	def := f.Repo.GetDefaultBranch()
	seen := map[string]bool{}
	for _, b := range s.branches {
		name := b
		if name == "" {
			name = def
		}
		if name == "" {
			return nil, fmt.Errorf("github: %s has no default branch (empty repository?); name a branch", s.owner+"/"+s.name)
		}
		if seen[name] {
			continue
		}
		seen[name] = true
		bd, err := s.fetchBranch(ctx, f, name)
		if err != nil {
			return nil, err
		}
		bd.IsDefault = name == def
		f.Branches = append(f.Branches, bd)
	}

	desc = "GET " + s.repoPath() + "/vulnerability-alerts"
	resp, ae, err := call(ctx, desc, func(ctx context.Context) (*github.Response, error) {
		_, resp, err := s.gh.Repositories.GetVulnerabilityAlerts(ctx, s.owner, s.name)
		return resp, err
	})
	if err != nil {
		return nil, err
	}
	switch {
	case ae != nil:
		f.VulnErr = ae
	case resp != nil && resp.StatusCode == http.StatusNoContent:
		f.VulnAlerts = github.Ptr(true)
	case resp != nil && resp.StatusCode == http.StatusNotFound:
		// 404 means "disabled" to a repository admin and "not visible" to
		// anyone else.
		if f.Repo.GetPermissions().GetAdmin() {
			f.VulnAlerts = github.Ptr(false)
		} else {
			f.VulnErr = &apiError{Request: desc, Status: http.StatusNotFound}
		}
	default:
		status := 0
		if resp != nil {
			status = resp.StatusCode
		}
		f.VulnErr = &apiError{Request: desc, Status: status}
	}
	if f.VulnErr != nil {
		f.Unreadable = append(f.Unreadable, f.VulnErr.entry("vulnerability alerts", s.owner+"/"+s.name, vulnReason(f.VulnErr)))
	}
	return f, nil
}

// repoError explains a repository that cannot be read: nothing else can be.
func repoError(repo string, ae *apiError) error {
	switch {
	case ae.NotRecorded:
		return fmt.Errorf("github: repository %s: %s", repo, reasonNotRecorded)
	case ae.Status == http.StatusUnauthorized:
		return fmt.Errorf("github: repository %s: GitHub rejected the token (401 %s); check GITHUB_TOKEN/GH_TOKEN", repo, ae.Message)
	case ae.Status == http.StatusNotFound:
		return fmt.Errorf("github: repository %s not found or not visible to this token (404); check --github-repo and the token's repository access", repo)
	case ae.RateLimit != "":
		return fmt.Errorf("github: repository %s: rate-limited: %s", repo, ae.RateLimit)
	}
	return fmt.Errorf("github: repository %s: %s", repo, ae.describe())
}

func vulnReason(ae *apiError) string {
	if ae.Status == http.StatusNotFound {
		return "404: vulnerability alerts disabled or not visible (needs administration:read)"
	}
	return ae.reason("administration:read")
}

// fetchRulesets lists the rulesets that apply to the repository, including
// organisation and enterprise ones (includes_parents), and reads each branch
// ruleset in full for its conditions, rules and bypass actors.
func (s *session) fetchRulesets(ctx context.Context, f *fetched) error {
	opts := &github.RepositoryListRulesetsOptions{
		IncludesParents: github.Ptr(true),
		ListOptions:     github.ListOptions{PerPage: perPage},
	}
	byID := map[int64]*rulesetData{}
	for page := 1; ; page++ {
		desc := "GET " + s.repoPath() + "/rulesets?includes_parents=true&per_page=" + strconv.Itoa(perPage)
		if opts.Page > 0 {
			desc += "&page=" + strconv.Itoa(opts.Page)
		}
		if page > maxPages {
			f.RulesetsErr = &apiError{Request: desc, Message: fmt.Sprintf("more than %d pages of rulesets", maxPages)}
			break
		}
		var list []*github.RepositoryRuleset
		resp, ae, err := call(ctx, desc, func(ctx context.Context) (*github.Response, error) {
			l, resp, err := s.gh.Repositories.GetAllRulesets(ctx, s.owner, s.name, opts)
			list = l
			return resp, err
		})
		if err != nil {
			return err
		}
		if ae != nil {
			f.RulesetsErr = ae
			break
		}
		for _, rs := range list {
			if rs == nil || rs.ID == nil {
				continue
			}
			if _, dup := byID[*rs.ID]; !dup {
				byID[*rs.ID] = &rulesetData{Summary: rs}
			}
		}
		if resp == nil || resp.NextPage == 0 {
			break
		}
		opts.Page = resp.NextPage
	}
	if f.RulesetsErr != nil {
		f.Unreadable = append(f.Unreadable, f.RulesetsErr.entry("rulesets", s.owner+"/"+s.name, rulesReason(f.RulesetsErr, f)))
	}
	ids := make([]int64, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		rd := byID[id]
		f.Rulesets = append(f.Rulesets, rd)
		if t := deref(rd.Summary.Target); t != "" && t != string(github.RulesetTargetBranch) {
			continue
		}
		desc := "GET " + s.repoPath() + "/rulesets/" + strconv.FormatInt(id, 10) + "?includes_parents=true"
		_, ae, err := call(ctx, desc, func(ctx context.Context) (*github.Response, error) {
			d, resp, err := s.gh.Repositories.GetRuleset(ctx, s.owner, s.name, id, true)
			rd.Detail = d
			return resp, err
		})
		if err != nil {
			return err
		}
		if ae != nil {
			rd.Detail = nil
			rd.DetailErr = ae
			f.Unreadable = append(f.Unreadable, ae.entry("ruleset "+strconv.FormatInt(id, 10), s.owner+"/"+s.name, ae.reason("metadata:read")))
		}
	}
	return nil
}

func (s *session) fetchBranch(ctx context.Context, f *fetched, name string) (*branchData, error) {
	bd := &branchData{Name: name}
	subject := s.owner + "/" + s.name + "@" + name
	esc := url.PathEscape(name)

	desc := "GET " + s.repoPath() + "/branches/" + esc + "/protection"
	_, ae, err := call(ctx, desc, func(ctx context.Context) (*github.Response, error) {
		p, resp, err := s.gh.Repositories.GetBranchProtection(ctx, s.owner, s.name, name)
		bd.Protection = p
		return resp, err
	})
	if err != nil {
		return nil, err
	}
	if ae != nil {
		bd.Protection = nil
		bd.ProtectionErr = ae
		if !branchNotProtected(ae) {
			f.Unreadable = append(f.Unreadable, ae.entry("classic branch protection", subject, classicReason(ae, f)))
		}
	}

	opts := &github.ListOptions{PerPage: perPage}
	for page := 1; ; page++ {
		desc := "GET " + s.repoPath() + "/rules/branches/" + esc + "?per_page=" + strconv.Itoa(perPage)
		if opts.Page > 0 {
			desc += "&page=" + strconv.Itoa(opts.Page)
		}
		if page > maxPages {
			bd.RulesErr = &apiError{Request: desc, Message: fmt.Sprintf("more than %d pages of rules", maxPages)}
			break
		}
		var rules *github.BranchRules
		resp, ae, err := call(ctx, desc, func(ctx context.Context) (*github.Response, error) {
			r, resp, err := s.gh.Repositories.ListRulesForBranch(ctx, s.owner, s.name, name, opts)
			rules = r
			return resp, err
		})
		if err != nil {
			return nil, err
		}
		if ae != nil {
			bd.RulesErr = ae
			bd.Rules = nil
			break
		}
		bd.Rules = append(bd.Rules, appliedFromBranchRules(rules)...)
		if resp == nil || resp.NextPage == 0 {
			break
		}
		opts.Page = resp.NextPage
	}
	if bd.RulesErr != nil {
		f.Unreadable = append(f.Unreadable, bd.RulesErr.entry("rules for branch", subject, rulesReason(bd.RulesErr, f)))
	}

	desc = "GET " + s.repoPath() + "/codeowners/errors?ref=" + url.QueryEscape(name)
	resp, ae, err := call(ctx, desc, func(ctx context.Context) (*github.Response, error) {
		c, resp, err := s.gh.Repositories.GetCodeownersErrors(ctx, s.owner, s.name, &github.GetCodeownersErrorsOptions{Ref: name})
		bd.Codeowners = c
		return resp, err
	})
	if err != nil {
		return nil, err
	}
	switch {
	case ae != nil && ae.Status == http.StatusNotFound && !ae.NotRecorded:
		bd.Codeowners = nil
		bd.CodeownersNone = true
	case ae != nil:
		bd.Codeowners = nil
		bd.CodeownersErr = ae
		f.Unreadable = append(f.Unreadable, ae.entry("CODEOWNERS", subject, ae.reason("contents:read")))
	case bd.Codeowners == nil:
		status := 0
		if resp != nil {
			status = resp.StatusCode
		}
		bd.CodeownersErr = &apiError{Request: desc, Status: status, Message: "empty response"}
		f.Unreadable = append(f.Unreadable, bd.CodeownersErr.entry("CODEOWNERS", subject, bd.CodeownersErr.reason("contents:read")))
	}
	return bd, nil
}

// branchNotProtected is the admin's answer for a branch without classic
// protection. A non-admin gets a bare "Not Found" instead.
func branchNotProtected(ae *apiError) bool {
	return ae != nil && ae.Status == http.StatusNotFound && ae.Message == "Branch not protected"
}

// freePrivate is true for a private repository whose owner is known to be
// on GitHub Free, where protection and rulesets are unavailable.
func freePrivate(f *fetched, ae *apiError) bool {
	if ae.freePlan() {
		return true
	}
	return ae.Status == http.StatusForbidden && f.Repo.GetPrivate() &&
		f.Org.GetPlan().GetName() == "free"
}

func classicReason(ae *apiError, f *fetched) string {
	switch {
	case freePrivate(f, ae):
		return reasonFreePlan
	case ae.NotRecorded, ae.RateLimit != "":
		return ae.reason("administration:read")
	case ae.Status == http.StatusNotFound && ae.Message == "Branch not found":
		return "404: branch not found"
	case ae.Status == http.StatusNotFound:
		return reasonNotVisible
	}
	return ae.reason("administration:read")
}

func rulesReason(ae *apiError, f *fetched) string {
	if freePrivate(f, ae) {
		return reasonFreePlan
	}
	return ae.reason("metadata:read")
}
