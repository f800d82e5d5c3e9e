package evidence

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/gatehq/gate/engine/model"
)

// RunRef points at one run.
type RunRef struct {
	Sequence    int64  `json:"sequence,omitempty"`
	Digest      string `json:"digest"`
	Time        string `json:"time"`
	Commit      string `json:"commit,omitempty"`
	PullRequest int    `json:"pull_request,omitempty"`
	URL         string `json:"url,omitempty"`
	// Rules are the rules that failed, for a failure.
	Rules []string `json:"rules,omitempty"`
}

func refOf(r *Record, rules []string) *RunRef {
	return &RunRef{Sequence: r.Sequence, Digest: r.Digest, Time: r.Time, Commit: r.Run.Commit,
		PullRequest: r.Run.PullRequest, URL: r.Run.URL, Rules: rules}
}

// ExceptionUse is one exception over a period.
type ExceptionUse struct {
	ExceptionTerms
	// Status is its status in the last run that listed it.
	Status string `json:"status"`
	// Runs counts the runs in which it suppressed findings; Suppressed the
	// findings it suppressed over all of them.
	Runs       int    `json:"runs"`
	Suppressed int    `json:"suppressed"`
	FirstSeen  string `json:"first_seen"`
	LastSeen   string `json:"last_seen"`
}

// ControlHistory is one control over a set of runs.
type ControlHistory struct {
	Framework string `json:"framework"`
	ID        string `json:"id"`
	// Rules are the rules mapped to the control in any of the runs; Judged
	// those of them that applied to the inputs of at least one run.
	Rules  []string `json:"rules"`
	Judged []string `json:"judged"`
	// Runs counts the runs in which a rule judged the control (not every
	// rule applies to every run's inputs); Pass … Excepted split them by
	// the control's verdict in the run.
	Runs     int `json:"runs"`
	Pass     int `json:"pass"`
	Fail     int `json:"fail"`
	Unknown  int `json:"unknown"`
	Excepted int `json:"excepted"`
	// Blocked counts those runs that blocked the change (exit 1);
	// BlockedByControl those with a blocking finding of the control's rules.
	Blocked          int `json:"blocked"`
	BlockedByControl int `json:"blocked_by_control"`
	// Status is the control's verdict in the last run that judged it
	// ("" when none did).
	Status      string  `json:"status"`
	FirstRun    string  `json:"first_run,omitempty"`
	LastRun     string  `json:"last_run,omitempty"`
	LastFailure *RunRef `json:"last_failure,omitempty"`
	// Exceptions are the exceptions on the control's rules that were in
	// force (applied or unused) in any of the runs.
	Exceptions []ExceptionUse `json:"exceptions"`
}

// History aggregates runs per control, by framework key and control ID:
// every control some rule of the runs maps to, judged or not. records must be
// in run order (sequence, or time for records written on their own).
func History(records []*Record) map[string]map[string]*ControlHistory {
	out := map[string]map[string]*ControlHistory{}
	get := func(fw, id string) *ControlHistory {
		if out[fw] == nil {
			out[fw] = map[string]*ControlHistory{}
		}
		h := out[fw][id]
		if h == nil {
			h = &ControlHistory{Framework: fw, ID: id, Rules: []string{}, Judged: []string{}, Exceptions: []ExceptionUse{}}
			out[fw][id] = h
		}
		return h
	}
	ruleSets := map[*ControlHistory]map[string]bool{}
	judged := map[*ControlHistory]map[string]bool{}
	excIndex := map[*ControlHistory]map[ExceptionTerms]int{}
	counted := map[*ControlHistory]map[ExceptionTerms]*Record{}
	for _, r := range records {
		blockingRules := map[string]bool{}
		for _, f := range r.Findings {
			if f.Blocking {
				blockingRules[f.RuleID] = true
			}
		}
		for _, rule := range r.Rules {
			for fw, ids := range rule.Controls {
				for _, id := range ids {
					h := get(fw, id)
					if ruleSets[h] == nil {
						ruleSets[h] = map[string]bool{}
					}
					ruleSets[h][rule.ID] = true
				}
			}
		}
		for fw, m := range r.ControlVerdicts() {
			for id, cv := range m {
				h := get(fw, id)
				h.Runs++
				if judged[h] == nil {
					judged[h] = map[string]bool{}
				}
				for _, id := range cv.Rules {
					judged[h][id] = true
				}
				switch cv.Verdict {
				case string(model.VerdictPass):
					h.Pass++
				case string(model.VerdictFail):
					h.Fail++
					h.LastFailure = refOf(r, cv.Failing)
				case string(model.VerdictUnknown):
					h.Unknown++
				case string(model.VerdictExcepted):
					h.Excepted++
				}
				if r.Blocked() {
					h.Blocked++
				}
				for _, id := range cv.Rules {
					if blockingRules[id] {
						h.BlockedByControl++
						break
					}
				}
				h.Status = cv.Verdict
				if h.FirstRun == "" {
					h.FirstRun = r.Time
				}
				h.LastRun = r.Time
			}
		}
		// Exceptions in force on the rules of each control.
		for i := range r.Exceptions {
			e := &r.Exceptions[i]
			if e.Status == ExceptionExpired {
				continue
			}
			for _, rule := range r.Rules {
				if !ruleMatches(e.RuleID, rule.ID) {
					continue
				}
				for fw, ids := range rule.Controls {
					for _, id := range ids {
						h := get(fw, id)
						if excIndex[h] == nil {
							excIndex[h] = map[ExceptionTerms]int{}
							counted[h] = map[ExceptionTerms]*Record{}
						}
						k := e.ExceptionTerms
						j, ok := excIndex[h][k]
						if !ok {
							h.Exceptions = append(h.Exceptions, ExceptionUse{ExceptionTerms: e.ExceptionTerms, FirstSeen: r.Time})
							j = len(h.Exceptions) - 1
							excIndex[h][k] = j
						}
						u := &h.Exceptions[j]
						// Once per run, however many of the control's rules it covers.
						if e.Status == ExceptionApplied && counted[h][k] != r {
							u.Runs++
							u.Suppressed += e.Findings
							counted[h][k] = r
						}
						u.LastSeen, u.Status = r.Time, e.Status
					}
				}
			}
		}
	}
	for h, set := range ruleSets {
		h.Rules = slices.Sorted(maps.Keys(set))
	}
	for h, set := range judged {
		h.Judged = slices.Sorted(maps.Keys(set))
	}
	for _, m := range out {
		for _, h := range m {
			sort.SliceStable(h.Exceptions, func(i, j int) bool {
				a, b := h.Exceptions[i], h.Exceptions[j]
				if a.RuleID != b.RuleID {
					return a.RuleID < b.RuleID
				}
				return a.Location < b.Location
			})
		}
	}
	return out
}

// ruleMatches matches an exception's rule id (or PREFIX* pattern).
func ruleMatches(pattern, id string) bool {
	if p, ok := strings.CutSuffix(pattern, "*"); ok {
		return p != "" && strings.HasPrefix(id, p)
	}
	return pattern == id
}

// InWindow reports whether a record's run started in [since, until) (zero
// bounds are open).
func InWindow(r *Record, since, until time.Time) bool {
	t, err := r.Started()
	if err != nil {
		return false
	}
	return (since.IsZero() || !t.Before(since)) && (until.IsZero() || t.Before(until))
}

// Window keeps the records in [since, until).
func Window(records []*Record, since, until time.Time) []*Record {
	var out []*Record
	for _, r := range records {
		if InWindow(r, since, until) {
			out = append(out, r)
		}
	}
	return out
}

// QueryResult answers "how did this control do over this period".
type QueryResult struct {
	Framework string `json:"framework"`
	Control   string `json:"control"`
	Title     string `json:"title"`
	Since     string `json:"since,omitempty"`
	Until     string `json:"until,omitempty"`
	// Records counts the runs in the period; ControlHistory the ones that
	// judged the control.
	Records int `json:"records"`
	ControlHistory
	// Problems are the log's bad records (left out of the counts).
	Problems []Problem `json:"problems"`
}

// Query answers for one control over the intact records of a log in
// [since, until).
func Query(v *Verification, framework, control, title string, since, until time.Time) *QueryResult {
	recs := Window(v.Records, since, until)
	q := &QueryResult{Framework: framework, Control: control, Title: title, Records: len(recs), Problems: v.Problems}
	if q.Problems == nil {
		q.Problems = []Problem{}
	}
	if !since.IsZero() {
		q.Since = since.UTC().Format(TimeFormat)
	}
	if !until.IsZero() {
		q.Until = until.UTC().Format(TimeFormat)
	}
	if h := History(recs)[framework][control]; h != nil {
		q.ControlHistory = *h
	} else {
		q.ControlHistory = ControlHistory{Framework: framework, ID: control, Rules: []string{}, Judged: []string{}, Exceptions: []ExceptionUse{}}
	}
	return q
}

// String is a one-line summary of a query.
func (q *QueryResult) String() string {
	return fmt.Sprintf("%s %s: judged in %d of %d runs (%d pass, %d fail, %d unknown, %d excepted); %d blocked, %d by this control's rules",
		q.Framework, q.Control, q.Runs, q.Records, q.Pass, q.Fail, q.Unknown, q.Excepted, q.Blocked, q.BlockedByControl)
}
