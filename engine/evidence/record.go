// Package evidence writes and checks the gate's evidence records: one JSON
// document per run that says what was checked (every input's SHA-256, the
// rule pack's digest, every rule with its verdict and the controls it maps
// to), what was found, which exceptions were applied, and where the run came
// from (repository, commit, pull request, actor).
//
// Records are hash-chained when they are appended to an evidence log: each
// names the digest of the one before it, so a removed, edited or reordered
// record breaks the chain and Verify names it. A log is a directory (one
// read-only file per run, names sortable by sequence number) or, when its
// path ends in ".db", a SQLite database (pure Go driver).
//
// A record is stored in canonical form — keys sorted, two-space indent, no
// HTML escaping, one trailing newline — so that every byte matters: a file
// that is not byte-for-byte the canonical form of its own content was edited.
// Its digest is the SHA-256 of the canonical form of the record without the
// "digest" member.
package evidence

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/gatehq/gate/engine"
	"github.com/gatehq/gate/engine/model"
)

// SchemaID names the record format; it is the $id of the JSON Schema in
// schema/evidence-record.schema.json.
const SchemaID = "https://gatehq.dev/schemas/evidence-record/v1.json"

// TimeFormat is how record times are written (UTC).
const TimeFormat = time.RFC3339

// Verdict of a rule in a run not applicable to any input (no document of the
// rule's kind, no resource of its types).
const VerdictNotApplicable = string(engine.VerdictNotApplicable)

// Record is one run of the gate.
type Record struct {
	Schema string `json:"schema"`
	// Sequence is the record's position in its log, from 1; 0 (absent) for
	// a record written on its own.
	Sequence int64 `json:"sequence,omitempty"`
	// PrevDigest is the digest of the record before this one in the log
	// (absent for the first record and for a record written on its own).
	PrevDigest string `json:"prev_digest,omitempty"`
	// Digest is the SHA-256 (hex) of the record's canonical form without
	// this member.
	Digest string `json:"digest"`
	// Time is when the run started (UTC, RFC 3339).
	Time       string   `json:"time"`
	DurationMS int64    `json:"duration_ms"`
	Tool       Tool     `json:"tool"`
	Run        Run      `json:"run"`
	Outcome    Outcome  `json:"outcome"`
	Frameworks []string `json:"frameworks"`
	// Documents are the documents read; Inputs every file read, with its SHA-256.
	Documents   []Document  `json:"documents"`
	Inputs      []Input     `json:"inputs"`
	Rules       []Rule      `json:"rules"`
	Findings    []Finding   `json:"findings"`
	Exceptions  []Exception `json:"exceptions"`
	InputErrors []string    `json:"input_errors"`
	RuleErrors  []string    `json:"rule_errors"`
	Notices     []string    `json:"notices"`
}

// Tool is what judged the run.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	// RulePackDigest is RulePackDigest of the built-in pack ("" with --no-builtin).
	RulePackDigest string `json:"rule_pack_digest"`
	// UserRules counts rules from --policy directories.
	UserRules int `json:"user_rules"`
}

// Run is where the run came from: the GitHub Actions environment when
// present, empty strings otherwise.
type Run struct {
	Repository  string `json:"repository"`
	Commit      string `json:"commit"`
	Ref         string `json:"ref"`
	PullRequest int    `json:"pull_request,omitempty"`
	Actor       string `json:"actor"`
	RunID       string `json:"run_id"`
	RunAttempt  string `json:"run_attempt,omitempty"`
	Workflow    string `json:"workflow,omitempty"`
	Event       string `json:"event,omitempty"`
	// URL is the Actions run's page.
	URL string `json:"url,omitempty"`
}

// Outcome is what the run decided.
type Outcome struct {
	// ExitCode: 0 passed, 1 blocked, 2 the gate could not do its job.
	ExitCode int    `json:"exit_code"`
	FailOn   string `json:"fail_on"`
	Blocking int    `json:"blocking"`
	Failing  int    `json:"failing"`
	Unknown  int    `json:"unknown"`
	Excepted int    `json:"excepted"`
	// InBaseline counts findings accepted by the baseline (reported, not blocking).
	InBaseline int `json:"in_baseline"`
}

// Document is one document read.
type Document struct {
	Path   string `json:"path"`
	Kind   string `json:"kind"`
	Source string `json:"source"`
}

// Input is one file read.
type Input struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
}

// Rule is one rule evaluated, with its verdict over the run.
type Rule struct {
	ID       string         `json:"id"`
	Title    string         `json:"title"`
	Severity model.Severity `json:"severity"`
	// Verdict: pass, fail, unknown, excepted, error or not_applicable.
	Verdict  string         `json:"verdict"`
	Controls model.Controls `json:"controls"`
	Builtin  bool           `json:"builtin"`
}

// Finding is one finding of the run.
type Finding struct {
	RuleID      string         `json:"rule_id"`
	Severity    model.Severity `json:"severity"`
	Verdict     string         `json:"verdict"`
	Message     string         `json:"message"`
	Subject     string         `json:"subject"`
	Attribute   string         `json:"attribute,omitempty"`
	Location    string         `json:"location"`
	Fingerprint string         `json:"fingerprint"`
	Blocking    bool           `json:"blocking"`
	InBaseline  bool           `json:"in_baseline,omitempty"`
	// Exception is the index in Record.Exceptions of the exception that
	// suppressed the finding (absent when none did).
	Exception *int `json:"exception,omitempty"`
}

// Exception statuses.
const (
	ExceptionApplied = "applied" // suppressed at least one finding of the run
	ExceptionUnused  = "unused"  // in force but matched no finding
	ExceptionExpired = "expired" // past its expiry date: not applied
)

// Exception is an exception in force during the run: an entry of the
// exceptions file or an inline `gate:ignore` comment that suppressed a
// finding.
type Exception struct {
	ExceptionTerms
	Status string `json:"status"`
	// Findings counts the findings it suppressed in this run.
	Findings int `json:"findings"`
}

// ExceptionTerms are what an exception says: the rule and subject it
// covers, why, until when, who owns it and where it is written. Records
// (Exception) and queries over them (ExceptionUse) share them; an
// exception is the same one across runs when its terms are equal.
type ExceptionTerms struct {
	Kind          string `json:"kind"` // inSource or external
	RuleID        string `json:"rule_id"`
	Subject       string `json:"subject,omitempty"`
	Justification string `json:"justification"`
	Until         string `json:"until,omitempty"`
	Owner         string `json:"owner,omitempty"`
	Ticket        string `json:"ticket,omitempty"`
	Location      string `json:"location"`
}

// Meta is what a record needs besides the engine's result.
type Meta struct {
	Version        string
	RulePackDigest string
	Run            Run
}

// Build makes an unsealed record of one run: Sequence, PrevDigest and
// Digest are set when it is sealed (Seal, or a Store's Append).
func Build(res *engine.Result, opts engine.Options, meta Meta) (*Record, error) {
	if res == nil {
		return nil, errors.New("evidence: no result")
	}
	r := &Record{
		Schema:      SchemaID,
		Time:        res.Started.UTC().Format(TimeFormat),
		DurationMS:  res.Duration.Milliseconds(),
		Tool:        Tool{Name: "gate", Version: meta.Version, RulePackDigest: meta.RulePackDigest},
		Run:         meta.Run,
		Frameworks:  append([]string(nil), res.Frameworks...),
		Documents:   []Document{},
		Inputs:      []Input{},
		Rules:       []Rule{},
		Findings:    []Finding{},
		Exceptions:  []Exception{},
		InputErrors: []string{},
		RuleErrors:  append([]string{}, res.RuleErrors...),
		Notices:     append([]string{}, res.Notices...),
	}
	if res.Started.IsZero() {
		return nil, errors.New("evidence: the run has no start time")
	}
	if len(r.Frameworks) == 0 {
		r.Frameworks = model.Frameworks()
	}
	r.Outcome = Outcome{ExitCode: res.ExitCode(), FailOn: string(res.FailOn)}

	seen := map[string]bool{}
	for _, d := range res.Documents {
		r.Documents = append(r.Documents, Document{Path: d.Path, Kind: d.Kind, Source: d.Source})
		for _, f := range d.Files {
			if seen[f.Path] {
				continue
			}
			seen[f.Path] = true
			r.Inputs = append(r.Inputs, Input{Path: f.Path, SHA256: f.SHA256, Size: f.Size})
		}
	}
	sort.Slice(r.Documents, func(i, j int) bool { return r.Documents[i].Path < r.Documents[j].Path })
	sort.Slice(r.Inputs, func(i, j int) bool { return r.Inputs[i].Path < r.Inputs[j].Path })
	for _, e := range res.InputErrors {
		r.InputErrors = append(r.InputErrors, e.Error())
	}

	for _, rule := range res.Rules {
		v, ok := res.Verdicts[rule.ID]
		if !ok {
			return nil, fmt.Errorf("evidence: rule %s was evaluated but has no verdict", rule.ID)
		}
		if !rule.Builtin {
			r.Tool.UserRules++
		}
		r.Rules = append(r.Rules, Rule{
			ID: rule.ID, Title: rule.Title, Severity: rule.Severity, Verdict: string(v),
			Controls: frameworkControls(rule.Controls, r.Frameworks), Builtin: rule.Builtin,
		})
	}
	sort.Slice(r.Rules, func(i, j int) bool { return r.Rules[i].ID < r.Rules[j].ID })

	// Exceptions: every exceptions-file entry, then the inline ones that
	// suppressed a finding, in the order first met.
	today := res.Started.UTC().Format("2006-01-02")
	index := map[model.Suppression]int{}
	add := func(s model.Suppression) int {
		if i, ok := index[s]; ok {
			return i
		}
		st := ExceptionUnused
		if s.Until != "" && s.Until < today {
			st = ExceptionExpired
		}
		r.Exceptions = append(r.Exceptions, Exception{ExceptionTerms: ExceptionTerms{
			Kind: s.Kind, RuleID: s.RuleID, Subject: s.Subject, Justification: s.Justification,
			Until: s.Until, Owner: s.Owner, Ticket: s.Ticket, Location: s.Location.String(),
		}, Status: st})
		index[s] = len(r.Exceptions) - 1
		return len(r.Exceptions) - 1
	}
	for _, s := range opts.Exceptions {
		add(s)
	}
	for _, f := range res.Findings {
		ef := Finding{
			RuleID: f.RuleID, Severity: f.Severity, Verdict: string(f.Verdict), Message: f.Message,
			Subject: f.Subject, Attribute: f.Attribute, Location: f.Location.String(),
			Fingerprint: f.Fingerprint, Blocking: f.Blocking, InBaseline: f.InBaseline,
		}
		if f.Suppression != nil && f.Verdict == model.VerdictExcepted {
			i := add(*f.Suppression)
			r.Exceptions[i].Status = ExceptionApplied
			r.Exceptions[i].Findings++
			ef.Exception = &i
		}
		r.Findings = append(r.Findings, ef)
		if f.Blocking {
			r.Outcome.Blocking++
		}
		switch f.Verdict {
		case model.VerdictFail:
			r.Outcome.Failing++
		case model.VerdictUnknown:
			r.Outcome.Unknown++
		case model.VerdictExcepted:
			r.Outcome.Excepted++
		}
		if f.InBaseline {
			r.Outcome.InBaseline++
		}
	}
	return r, nil
}

// frameworkControls keeps a rule's controls in the run's frameworks, with
// every framework of the run present (an empty list when the rule maps to
// none of its controls).
func frameworkControls(c model.Controls, frameworks []string) model.Controls {
	out := model.Controls{}
	for _, fw := range frameworks {
		ids := append([]string{}, c[fw]...)
		if len(ids) > 0 {
			out[fw] = ids
		}
	}
	return out
}

// Blocked reports whether the run blocked the change (exit code 1).
func (r *Record) Blocked() bool { return r.Outcome.ExitCode == engine.ExitBlocked }

// Started parses the record's time.
func (r *Record) Started() (time.Time, error) {
	t, err := time.Parse(TimeFormat, r.Time)
	if err != nil {
		return time.Time{}, fmt.Errorf("time %q: %w", r.Time, err)
	}
	return t, nil
}

// Ref names a record in messages: its sequence number and digest prefix.
func (r *Record) Ref() string {
	d := r.Digest
	if len(d) > 12 {
		d = d[:12]
	}
	if r.Sequence > 0 {
		return fmt.Sprintf("#%d (%s)", r.Sequence, d)
	}
	return d
}

// ShortCommit is the first 12 characters of the commit SHA.
func (r *Record) ShortCommit() string {
	if len(r.Run.Commit) > 12 {
		return r.Run.Commit[:12]
	}
	return r.Run.Commit
}

// marshalRecord is the record as a JSON value (map), for canonicalisation.
func marshalRecord(r *Record) (map[string]any, error) {
	b, err := json.Marshal(r)
	if err != nil {
		return nil, fmt.Errorf("encode record: %w", err)
	}
	var v map[string]any
	d := json.NewDecoder(strings.NewReader(string(b)))
	d.UseNumber()
	if err := d.Decode(&v); err != nil {
		return nil, fmt.Errorf("encode record: %w", err)
	}
	return v, nil
}
