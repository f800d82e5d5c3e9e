package ghsettings

import (
	"regexp"
	"strings"

	"github.com/google/go-github/v89/github"
)

// appliedRule is one ruleset rule that applies to one branch.
type appliedRule struct {
	RulesetID  int64
	SourceType string // Repository, Organization, Enterprise
	Source     string // owner/name or org login
	Type       string // pull_request, non_fast_forward, deletion, …

	PullRequest  *github.PullRequestRuleParameters
	StatusChecks *github.RequiredStatusChecksRuleParameters
}

func metaRule(t string, m github.BranchRuleMetadata) appliedRule {
	return appliedRule{RulesetID: m.RulesetID, SourceType: string(m.RulesetSourceType), Source: m.RulesetSource, Type: t}
}

// appliedFromBranchRules flattens GET rules/branches/{branch}.
func appliedFromBranchRules(br *github.BranchRules) []appliedRule {
	if br == nil {
		return nil
	}
	var out []appliedRule
	add := func(t string, m github.BranchRuleMetadata) { out = append(out, metaRule(t, m)) }
	for _, r := range br.Creation {
		add("creation", *r)
	}
	for _, r := range br.Update {
		add("update", r.BranchRuleMetadata)
	}
	for _, r := range br.Deletion {
		add("deletion", *r)
	}
	for _, r := range br.RequiredLinearHistory {
		add("required_linear_history", *r)
	}
	for _, r := range br.MergeQueue {
		add("merge_queue", r.BranchRuleMetadata)
	}
	for _, r := range br.RequiredDeployments {
		add("required_deployments", r.BranchRuleMetadata)
	}
	for _, r := range br.RequiredSignatures {
		add("required_signatures", *r)
	}
	for _, r := range br.PullRequest {
		a := metaRule("pull_request", r.BranchRuleMetadata)
		p := r.Parameters
		a.PullRequest = &p
		out = append(out, a)
	}
	for _, r := range br.RequiredStatusChecks {
		a := metaRule("required_status_checks", r.BranchRuleMetadata)
		p := r.Parameters
		a.StatusChecks = &p
		out = append(out, a)
	}
	for _, r := range br.NonFastForward {
		add("non_fast_forward", *r)
	}
	for _, r := range br.CommitMessagePattern {
		add("commit_message_pattern", r.BranchRuleMetadata)
	}
	for _, r := range br.CommitAuthorEmailPattern {
		add("commit_author_email_pattern", r.BranchRuleMetadata)
	}
	for _, r := range br.CommitterEmailPattern {
		add("committer_email_pattern", r.BranchRuleMetadata)
	}
	for _, r := range br.BranchNamePattern {
		add("branch_name_pattern", r.BranchRuleMetadata)
	}
	for _, r := range br.TagNamePattern {
		add("tag_name_pattern", r.BranchRuleMetadata)
	}
	for _, r := range br.Workflows {
		add("workflows", r.BranchRuleMetadata)
	}
	for _, r := range br.CodeScanning {
		add("code_scanning", r.BranchRuleMetadata)
	}
	for _, r := range br.CopilotCodeReview {
		add("copilot_code_review", r.BranchRuleMetadata)
	}
	for _, r := range br.FileExtensionRestriction {
		add("file_extension_restriction", r.BranchRuleMetadata)
	}
	for _, r := range br.FilePathRestriction {
		add("file_path_restriction", r.BranchRuleMetadata)
	}
	for _, r := range br.MaxFilePathLength {
		add("max_file_path_length", r.BranchRuleMetadata)
	}
	for _, r := range br.MaxFileSize {
		add("max_file_size", r.BranchRuleMetadata)
	}
	return out
}

// appliedFromRuleset lists the rules of a ruleset read in full.
func appliedFromRuleset(rs *github.RepositoryRuleset) []appliedRule {
	if rs == nil || rs.Rules == nil {
		return nil
	}
	r := rs.Rules
	base := appliedRule{RulesetID: rs.GetID(), SourceType: deref(rs.SourceType), Source: rs.Source}
	var out []appliedRule
	add := func(present bool, t string) {
		if present {
			a := base
			a.Type = t
			out = append(out, a)
		}
	}
	add(r.Creation != nil, "creation")
	add(r.Update != nil, "update")
	add(r.Deletion != nil, "deletion")
	add(r.RequiredLinearHistory != nil, "required_linear_history")
	add(r.MergeQueue != nil, "merge_queue")
	add(r.RequiredDeployments != nil, "required_deployments")
	add(r.RequiredSignatures != nil, "required_signatures")
	if r.PullRequest != nil {
		a := base
		a.Type = "pull_request"
		p := *r.PullRequest
		a.PullRequest = &p
		out = append(out, a)
	}
	if r.RequiredStatusChecks != nil {
		a := base
		a.Type = "required_status_checks"
		p := *r.RequiredStatusChecks
		a.StatusChecks = &p
		out = append(out, a)
	}
	add(r.NonFastForward != nil, "non_fast_forward")
	add(r.CommitMessagePattern != nil, "commit_message_pattern")
	add(r.CommitAuthorEmailPattern != nil, "commit_author_email_pattern")
	add(r.CommitterEmailPattern != nil, "committer_email_pattern")
	add(r.BranchNamePattern != nil, "branch_name_pattern")
	add(r.TagNamePattern != nil, "tag_name_pattern")
	add(r.Workflows != nil, "workflows")
	add(r.CodeScanning != nil, "code_scanning")
	add(r.CopilotCodeReview != nil, "copilot_code_review")
	add(r.FileExtensionRestriction != nil, "file_extension_restriction")
	add(r.FilePathRestriction != nil, "file_path_restriction")
	add(r.MaxFilePathLength != nil, "max_file_path_length")
	add(r.MaxFileSize != nil, "max_file_size")
	return out
}

// targetsBranch reports whether a ruleset's ref_name condition selects the
// branch. ok is false when the ruleset carries no ref_name condition.
func targetsBranch(rs *github.RepositoryRuleset, branch, defaultBranch string) (match, ok bool) {
	if rs == nil || rs.Conditions == nil || rs.Conditions.RefName == nil {
		return false, false
	}
	c := rs.Conditions.RefName
	matches := func(patterns []string) bool {
		for _, p := range patterns {
			if refPatternMatches(p, branch, defaultBranch) {
				return true
			}
		}
		return false
	}
	return matches(c.Include) && !matches(c.Exclude), true
}

// refPatternMatches matches one ref_name pattern: ~ALL, ~DEFAULT_BRANCH or
// an fnmatch-style pattern over refs/heads/<branch> where * stays within a
// path segment and ** crosses them.
func refPatternMatches(pattern, branch, defaultBranch string) bool {
	switch pattern {
	case "~ALL":
		return true
	case "~DEFAULT_BRANCH":
		return defaultBranch != "" && branch == defaultBranch
	}
	ref := "refs/heads/" + branch
	if !strings.HasPrefix(pattern, "refs/") {
		ref = branch
	}
	re, err := regexp.Compile("^" + globToRegexp(pattern) + "$")
	if err != nil {
		return false
	}
	return re.MatchString(ref)
}

func globToRegexp(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '*' && i+1 < len(p) && p[i+1] == '*':
			b.WriteString(".*")
			i++
		case c == '*':
			b.WriteString("[^/]*")
		case c == '?':
			b.WriteString("[^/]")
		case c == '[':
			j := strings.IndexByte(p[i:], ']')
			if j <= 1 {
				b.WriteString(regexp.QuoteMeta(string(c)))
				continue
			}
			class := p[i+1 : i+j]
			if strings.HasPrefix(class, "!") {
				class = "^" + class[1:]
			}
			b.WriteString("[" + strings.ReplaceAll(class, `\`, `\\`) + "]")
			i += j
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	return b.String()
}

// deref reads an optional string-typed enum; nil is "".
func deref[T ~string](p *T) string {
	if p == nil {
		return ""
	}
	return string(*p)
}
