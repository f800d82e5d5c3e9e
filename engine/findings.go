package engine

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/gatehq/gate/engine/model"
)

// fingerprint identifies a finding across runs and line shifts: the rule,
// the document kind, the subject and the attribute — never the line.
func fingerprint(ruleID, kind, subject, attr string) string {
	h := sha256.Sum256([]byte(strings.Join([]string{ruleID, kind, subject, attr}, "\x00")))
	return hex.EncodeToString(h[:16])
}

// filterControls keeps the frameworks asked for (all when none asked).
func filterControls(c model.Controls, frameworks []string) model.Controls {
	out := model.Controls{}
	for fw, ids := range c {
		if len(frameworks) > 0 && !contains(frameworks, fw) {
			continue
		}
		out[fw] = append([]string(nil), ids...)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// configAddresses maps resource instance addresses to their config addresses.
func configAddresses(d *model.Document) map[string]string {
	rs, ok := d.Input["resources"].([]any)
	if !ok {
		return nil
	}
	out := make(map[string]string, len(rs))
	for _, r := range rs {
		m, ok := r.(map[string]any)
		if !ok {
			continue
		}
		a, _ := m["address"].(string)
		c, _ := m["config_address"].(string)
		if a != "" {
			out[a] = c
		}
	}
	return out
}

// locate finds where a finding points: for a plan with its Terraform source,
// the .tf line (the plan becomes a related location); otherwise the
// document's own positions, its anchor, or the document file.
func locate(d, src *model.Document, cfg map[string]string, subject, attr string) (model.Position, []model.Position) {
	own, ownOK := d.Positions.Locate(subject, attr)
	if src != nil {
		pos, ok := src.Positions.Locate(subject, attr)
		if !ok && cfg[subject] != "" {
			pos, ok = src.Positions.Locate(cfg[subject], attr)
		}
		if ok {
			if !ownOK {
				own = model.Position{File: d.Path}
			}
			return pos, []model.Position{own}
		}
	}
	if ownOK {
		return own, nil
	}
	if d.Anchor != nil {
		return *d.Anchor, nil
	}
	return model.Position{File: d.Path}, nil
}

// decide applies exceptions and the baseline, marks what blocks, and
// computes each rule's verdict.
func (e *Engine) decide(res *Result, docs []*model.Document, mapped map[*model.Document]*model.Document, opts *Options) {
	today := res.Started.UTC().Format("2006-01-02")
	// Inline suppressions by document path.
	inline := map[string][]model.Suppression{}
	cfgByDoc := map[string]map[string]string{}
	for _, d := range docs {
		sup := d.Suppressions
		if src := mapped[d]; src != nil {
			sup = append(append([]model.Suppression(nil), sup...), src.Suppressions...)
		}
		inline[d.Path] = sup
		cfgByDoc[d.Path] = configAddresses(d)
	}
	usedExternal := map[int]bool{}
	for i := range res.Findings {
		f := &res.Findings[i]
		if f.Verdict == model.VerdictFail || f.Verdict == model.VerdictUnknown {
			cfg := cfgByDoc[f.Document][f.Subject]
			for _, s := range inline[f.Document] {
				if !idMatches(s.RuleID, f.RuleID) || (s.Subject != "" && s.Subject != f.Subject && s.Subject != cfg) {
					continue
				}
				if ok := usable(res, &s, today, f); ok {
					s := s
					f.Suppression = &s
					break
				}
			}
			if f.Suppression == nil {
				for j, s := range opts.Exceptions {
					if !idMatches(s.RuleID, f.RuleID) || !subjectMatches(s.Subject, f, cfg) {
						continue
					}
					usedExternal[j] = true
					if usable(res, &s, today, f) {
						s := s
						f.Suppression = &s
						break
					}
				}
			}
			if f.Suppression != nil {
				f.Verdict = model.VerdictExcepted
			}
		}
		if opts.Baseline[f.Fingerprint] {
			f.InBaseline = true
		}
		switch f.Verdict {
		case model.VerdictFail:
			f.Blocking = f.Severity.Rank() >= res.FailOn.Rank() && !f.InBaseline
		case model.VerdictUnknown:
			f.Blocking = opts.UnknownBlocks && !f.InBaseline
		case model.VerdictError:
			f.Blocking = true
		default:
			f.Blocking = false
		}
	}
	// An expired exception is itself a finding that blocks: the risk
	// acceptance it records has lapsed and must be renewed or removed.
	for j, s := range opts.Exceptions {
		if s.Until == "" || s.Until >= today {
			continue
		}
		msg := fmt.Sprintf("exception for %s on %s (owner %s) expired on %s", s.RuleID, s.Subject, s.Owner, s.Until)
		if !usedExternal[j] {
			msg += "; it no longer matches any finding: remove it"
		} else {
			msg += "; the findings it covered count again"
		}
		res.Findings = append(res.Findings, model.Finding{
			RuleID: ExpiredExceptionRuleID, Title: "Exception has expired", Severity: model.SeverityHigh,
			Verdict: model.VerdictFail, Message: msg, Subject: s.Location.String(), Document: s.Location.File,
			Location: s.Location, Controls: model.Controls{},
			Remediation: "Fix the finding, or renew the exception with a new justification and expiry date after review.",
			Fingerprint: fingerprint(ExpiredExceptionRuleID, "exception", s.RuleID+"\x00"+s.Subject, s.Until),
			Blocking:    true,
		})
	}

	// Verdict of each evaluated rule over the run.
	kinds := map[string]bool{}
	types := map[string]bool{}
	for _, d := range docs {
		kinds[d.Kind] = true
		for t := range resourceTypes(d) {
			types[t] = true
		}
	}
	byRule := map[string][]*model.Finding{}
	for i := range res.Findings {
		byRule[res.Findings[i].RuleID] = append(byRule[res.Findings[i].RuleID], &res.Findings[i])
	}
	for _, r := range res.Rules {
		applies := r.Kind == "" && len(docs) > 0 || kinds[r.Kind]
		if applies && r.Kind == model.KindTerraform && len(r.ResourceTypes) > 0 {
			applies = false
			for _, t := range r.ResourceTypes {
				if types[t] {
					applies = true
				}
			}
		}
		if len(res.RuleErrors) > 0 && applies {
			res.Verdicts[r.ID] = model.VerdictError
			continue
		}
		fs := byRule[r.ID]
		if !applies && len(fs) == 0 {
			res.Verdicts[r.ID] = VerdictNotApplicable
			continue
		}
		v := model.VerdictPass
		for _, f := range fs {
			switch {
			case f.Verdict == model.VerdictFail:
				v = model.VerdictFail
			case f.Verdict == model.VerdictUnknown && v != model.VerdictFail:
				v = model.VerdictUnknown
			case f.Verdict == model.VerdictExcepted && v == model.VerdictPass:
				v = model.VerdictExcepted
			}
		}
		res.Verdicts[r.ID] = v
	}
}

// ExpiredExceptionRuleID names findings for lapsed exceptions.
const ExpiredExceptionRuleID = "GATE-EXCEPTION-001"

// VerdictNotApplicable is a rule with nothing to judge in this run.
const VerdictNotApplicable model.Verdict = "not_applicable"

func idMatches(pattern, id string) bool {
	if pattern == "" || pattern == "*" {
		return false // an exception must name its rule
	}
	return matchID(pattern, id)
}

// subjectMatches matches an exception's subject (a resource address, a
// config address, or a glob over either or over the finding's file).
func subjectMatches(pattern string, f *model.Finding, cfg string) bool {
	if pattern == "" {
		return false
	}
	for _, s := range []string{f.Subject, cfg, f.Location.File, f.Document} {
		if s == "" {
			continue
		}
		if s == pattern {
			return true
		}
		if ok, _ := path.Match(pattern, s); ok {
			return true
		}
	}
	return false
}

// usable checks an exception's justification and expiry, recording why one
// is not applied.
func usable(res *Result, s *model.Suppression, today string, f *model.Finding) bool {
	where := s.Location.String()
	if strings.TrimSpace(s.Justification) == "" {
		res.Notices = append(res.Notices, fmt.Sprintf("%s: exception for %s on %s ignored: no reason given (add reason=\"…\")", where, s.RuleID, f.Subject))
		return false
	}
	if s.Until != "" && s.Until < today {
		if s.Kind == "inSource" {
			res.Notices = append(res.Notices, fmt.Sprintf("%s: exception for %s on %s expired on %s: the finding counts again", where, s.RuleID, f.Subject, s.Until))
		}
		f.Message += fmt.Sprintf(" (exception expired %s)", s.Until)
		return false
	}
	return true
}

// ControlStatus is one control's state in a run.
type ControlStatus struct {
	Framework string   `json:"framework"`
	ID        string   `json:"id"`
	Rules     []string `json:"rules"`
	Pass      int      `json:"pass"`
	Fail      int      `json:"fail"`
	Unknown   int      `json:"unknown"`
	Excepted  int      `json:"excepted"`
}

// Controls aggregates rule verdicts per framework control.
func (r *Result) Controls() []ControlStatus {
	m := map[string]*ControlStatus{}
	for _, rule := range r.Rules {
		v, ok := r.Verdicts[rule.ID]
		if !ok || v == VerdictNotApplicable {
			continue
		}
		for fw, ids := range rule.Controls {
			if len(r.Frameworks) > 0 && !contains(r.Frameworks, fw) {
				continue
			}
			for _, id := range ids {
				k := fw + "\x00" + id
				cs := m[k]
				if cs == nil {
					cs = &ControlStatus{Framework: fw, ID: id}
					m[k] = cs
				}
				cs.Rules = append(cs.Rules, rule.ID)
				switch v {
				case model.VerdictPass:
					cs.Pass++
				case model.VerdictFail, model.VerdictError:
					cs.Fail++
				case model.VerdictUnknown:
					cs.Unknown++
				case model.VerdictExcepted:
					cs.Excepted++
				}
			}
		}
	}
	out := make([]ControlStatus, 0, len(m))
	for _, cs := range m {
		sort.Strings(cs.Rules)
		out = append(out, *cs)
	}
	order := map[string]int{}
	for i, fw := range model.Frameworks() {
		order[fw] = i
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Framework != out[j].Framework {
			return order[out[i].Framework] < order[out[j].Framework]
		}
		return out[i].ID < out[j].ID
	})
	return out
}
