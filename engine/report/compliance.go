package report

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/gatehq/gate/engine/catalog"
	"github.com/gatehq/gate/engine/evidence"
	"github.com/gatehq/gate/engine/model"
)

// Control statuses in a compliance report: a rule verdict (pass, fail,
// unknown, excepted) in the last run that judged the control, or one of these.
const (
	// StatusNoEvidence: rules map to the control but none applied to the
	// inputs of any run in the period.
	StatusNoEvidence = "no_evidence"
	// StatusManual: no rule maps to the control; its evidence is collected
	// outside the gate (training, contracts, physical security …).
	StatusManual = "manual"
)

// ComplianceOptions describe a compliance report.
type ComplianceOptions struct {
	// Source is what the records were read from (for the report's header).
	Source string
	// Since and Until bound the period: runs started in [Since, Until).
	Since, Until time.Time
	// Frameworks are the framework keys to report on (empty: those the
	// runs covered; all four when there are none).
	Frameworks []string
	// Version is the gate's version.
	Version string
}

// Compliance is a per-framework control matrix over a set of runs.
type Compliance struct {
	Tool       string `json:"tool"`
	Version    string `json:"version"`
	Source     string `json:"source"`
	Repository string `json:"repository"`
	Since      string `json:"since,omitempty"`
	Until      string `json:"until,omitempty"`
	// FirstRun and LastRun are the times of the first and last run covered.
	FirstRun string `json:"first_run,omitempty"`
	LastRun  string `json:"last_run,omitempty"`
	Runs     int    `json:"runs"`
	Passed   int    `json:"passed"`
	Blocked  int    `json:"blocked"`
	Errored  int    `json:"errored"`
	// Integrity says whether every record of the source verified.
	Integrity Integrity          `json:"integrity"`
	RulePacks []RulePackUse      `json:"rule_packs"`
	Rules     []RuleInfo         `json:"rules"`
	Problems  []evidence.Problem `json:"problems"`
	// Frameworks are the per-framework sections.
	Frameworks []FrameworkSection `json:"frameworks"`
}

// Integrity is the result of verifying the source.
type Integrity struct {
	Verified bool `json:"verified"`
	// Records counts what the source holds; Bad the records with a problem.
	Records int `json:"records"`
	Bad     int `json:"bad"`
	// Head is the last record (sequence and digest) when it is intact: the
	// value to compare with the one published by the last run.
	HeadSequence int64  `json:"head_sequence,omitempty"`
	HeadDigest   string `json:"head_digest,omitempty"`
}

// RulePackUse is one rule pack version used in the period.
type RulePackUse struct {
	Version string `json:"version"`
	Digest  string `json:"digest"`
	Runs    int    `json:"runs"`
}

// RuleInfo describes a rule seen in the runs.
type RuleInfo struct {
	ID       string         `json:"id"`
	Title    string         `json:"title"`
	Severity model.Severity `json:"severity"`
}

// FrameworkSection is one framework's matrix and gap score.
type FrameworkSection struct {
	Key  string `json:"key"`
	Name string `json:"name"`
	// Unit names the framework's controls: criteria, controls, subcategories.
	Unit string `json:"unit"`
	// Total counts the framework's assessable controls in the catalog.
	Total int `json:"total"`
	// Automated counts those some rule judged in at least one run: they
	// have automated evidence. Passing, Failing, Unknown and Excepted split
	// them by their status in the last run that judged them.
	Automated int `json:"automated"`
	Passing   int `json:"passing"`
	Failing   int `json:"failing"`
	Unknown   int `json:"unknown"`
	Excepted  int `json:"excepted"`
	// NoEvidence counts controls rules map to that no run judged (the rules
	// did not apply to the inputs); Manual those no rule maps to.
	NoEvidence int    `json:"no_evidence"`
	Manual     int    `json:"manual"`
	Score      string `json:"score"`
	// Controls are the controls rules map to, in catalog order (IDs outside
	// the catalog's assessable set last); ManualControls the others.
	Controls       []ControlRow    `json:"controls"`
	ManualControls []ManualControl `json:"manual_controls"`
}

// ControlRow is one line of the control matrix.
type ControlRow struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// InCatalog is false for an ID rules cite that is not one of the
	// framework's assessable controls (it does not count in the score).
	InCatalog bool   `json:"in_catalog"`
	Status    string `json:"status"`
	evidence.ControlHistory
}

// Evidencing are the rules a row shows: those that judged the control in
// some run or, when none did, every rule mapped to it.
func (r ControlRow) Evidencing() []string {
	if len(r.Judged) > 0 {
		return r.Judged
	}
	return r.Rules
}

// Unapplied are the rules mapped to the control that applied to no run's
// inputs, when others did.
func (r ControlRow) Unapplied() []string {
	if len(r.Judged) == 0 {
		return nil
	}
	var out []string
	for _, id := range r.Rules {
		if !slices.Contains(r.Judged, id) {
			out = append(out, id)
		}
	}
	return out
}

// rulesText renders a row's rules for text formats.
func rulesText(r ControlRow) string {
	s := strings.Join(r.Evidencing(), ", ")
	if n := len(r.Unapplied()); n > 0 {
		s += fmt.Sprintf(" (+%d mapped rule(s) that did not apply)", n)
	}
	return s
}

// ManualControl is a control no rule can evidence automatically.
type ManualControl struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// unitOf names a framework's controls.
func unitOf(fw string) string {
	switch fw {
	case model.FrameworkSOC2:
		return "criteria"
	case model.FrameworkNISTCSF:
		return "subcategories"
	case model.FrameworkNIST80053:
		return "controls and enhancements"
	}
	return "controls"
}

// BuildCompliance builds the control matrix of the intact records of v in
// the period. Bad records are listed as problems and left out.
func BuildCompliance(cat *catalog.Catalog, v *evidence.Verification, opts ComplianceOptions) *Compliance {
	recs := evidence.Window(v.Records, opts.Since, opts.Until)
	c := &Compliance{
		Tool: "gate", Version: opts.Version, Source: opts.Source, Repository: v.Repository,
		Runs: len(recs), Problems: v.Problems, RulePacks: []RulePackUse{}, Rules: []RuleInfo{},
		Integrity: Integrity{Verified: v.OK(), Records: v.Entries},
	}
	if c.Problems == nil {
		c.Problems = []evidence.Problem{}
	}
	bad := map[string]bool{}
	for _, p := range v.Problems {
		bad[p.Record] = true
	}
	c.Integrity.Bad = len(bad)
	if v.Head != nil {
		c.Integrity.HeadSequence, c.Integrity.HeadDigest = v.Head.Sequence, v.Head.Digest
	}
	if !opts.Since.IsZero() {
		c.Since = opts.Since.UTC().Format(evidence.TimeFormat)
	}
	if !opts.Until.IsZero() {
		c.Until = opts.Until.UTC().Format(evidence.TimeFormat)
	}
	packs := map[RulePackUse]int{}
	rules := map[string]RuleInfo{}
	covered := map[string]bool{}
	for _, r := range recs {
		if c.FirstRun == "" {
			c.FirstRun = r.Time
		}
		c.LastRun = r.Time
		switch r.Outcome.ExitCode {
		case 0:
			c.Passed++
		case 1:
			c.Blocked++
		default:
			c.Errored++
		}
		packs[RulePackUse{Version: r.Tool.Version, Digest: r.Tool.RulePackDigest}]++
		for _, rule := range r.Rules {
			rules[rule.ID] = RuleInfo{ID: rule.ID, Title: rule.Title, Severity: rule.Severity}
		}
		for _, fw := range r.Frameworks {
			covered[fw] = true
		}
	}
	for p, n := range packs {
		p.Runs = n
		c.RulePacks = append(c.RulePacks, p)
	}
	sort.Slice(c.RulePacks, func(i, j int) bool {
		a, b := c.RulePacks[i], c.RulePacks[j]
		if a.Version != b.Version {
			return a.Version < b.Version
		}
		return a.Digest < b.Digest
	})
	for _, id := range slices.Sorted(maps.Keys(rules)) {
		c.Rules = append(c.Rules, rules[id])
	}

	fws := opts.Frameworks
	if len(fws) == 0 {
		for _, fw := range model.Frameworks() {
			if covered[fw] || len(covered) == 0 {
				fws = append(fws, fw)
			}
		}
	}
	hist := evidence.History(recs)
	for _, fw := range fws {
		c.Frameworks = append(c.Frameworks, section(cat, fw, hist[fw]))
	}
	return c
}

func section(cat *catalog.Catalog, fw string, hist map[string]*evidence.ControlHistory) FrameworkSection {
	s := FrameworkSection{Key: fw, Name: catalog.DisplayName(fw), Unit: unitOf(fw),
		Controls: []ControlRow{}, ManualControls: []ManualControl{}}
	row := func(id, title string, h *evidence.ControlHistory, inCatalog bool) ControlRow {
		st := h.Status
		if h.Runs == 0 {
			st = StatusNoEvidence
		}
		return ControlRow{ID: id, Title: title, InCatalog: inCatalog, Status: st, ControlHistory: *h}
	}
	seen := map[string]bool{}
	for _, ctl := range cat.Controls(fw) {
		s.Total++
		seen[ctl.ID] = true
		h := hist[ctl.ID]
		if h == nil {
			s.ManualControls = append(s.ManualControls, ManualControl{ID: ctl.ID, Title: ctl.Title})
			continue
		}
		r := row(ctl.ID, ctl.Title, h, true)
		s.Controls = append(s.Controls, r)
		switch r.Status {
		case StatusNoEvidence:
			s.NoEvidence++
			continue
		case string(model.VerdictPass):
			s.Passing++
		case string(model.VerdictFail):
			s.Failing++
		case string(model.VerdictUnknown):
			s.Unknown++
		case string(model.VerdictExcepted):
			s.Excepted++
		}
		s.Automated++
	}
	// IDs rules cite outside the assessable set (a withdrawn control, a
	// CSF category): shown, not scored.
	var extra []string
	for id := range hist {
		if !seen[id] {
			extra = append(extra, id)
		}
	}
	sort.Strings(extra)
	for _, id := range extra {
		s.Controls = append(s.Controls, row(id, cat.Title(fw, id), hist[id], false))
	}
	s.Manual = len(s.ManualControls)
	s.Score = fmt.Sprintf("%s: %d of %d %s have automated evidence; %d passing", s.Name, s.Automated, s.Total, s.Unit, s.Passing)
	return s
}

// ComplianceFormats are the formats of `gate report`.
func ComplianceFormats() []string { return []string{"markdown", "html", "json", "csv"} }

// WriteCompliance renders a compliance report.
func WriteCompliance(w io.Writer, format string, c *Compliance) error {
	switch format {
	case "markdown":
		return ComplianceMarkdown(w, c)
	case "html":
		return ComplianceHTML(w, c)
	case "json":
		return ComplianceJSON(w, c)
	case "csv":
		return ComplianceCSV(w, c)
	}
	return fmt.Errorf("unknown report format %q (want %s)", format, strings.Join(ComplianceFormats(), ", "))
}

// ComplianceJSON writes the report as indented JSON.
func ComplianceJSON(w io.Writer, c *Compliance) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(c)
}

// day is the date part of an RFC 3339 time.
func day(t string) string {
	if len(t) >= 10 {
		return t[:10]
	}
	return t
}

// Period renders the period the report covers.
func (c *Compliance) Period() string {
	from, to := day(c.Since), day(c.Until)
	if c.Until != "" {
		if t, err := time.Parse(evidence.TimeFormat, c.Until); err == nil && t.Equal(t.Truncate(24*time.Hour)) {
			to = t.AddDate(0, 0, -1).Format("2006-01-02") // --until is exclusive
		}
	}
	switch {
	case from == "" && to == "" && c.FirstRun == "":
		return "no runs"
	case from == "" && to == "":
		return day(c.FirstRun) + " to " + day(c.LastRun)
	case to == "":
		return "from " + from
	case from == "":
		return "until " + to
	}
	return from + " to " + to
}

// Summary is the one-line summary of the runs.
func (c *Compliance) Summary() string {
	return fmt.Sprintf("%d run(s): %d passed, %d blocked, %d could not run", c.Runs, c.Passed, c.Blocked, c.Errored)
}

// IntegrityLine says whether the evidence verified.
func (c *Compliance) IntegrityLine() string {
	if c.Integrity.Verified {
		s := fmt.Sprintf("all %d record(s) verified (hash chain intact)", c.Integrity.Records)
		if c.Integrity.HeadDigest != "" {
			s += fmt.Sprintf("; last record #%d, digest %s", c.Integrity.HeadSequence, c.Integrity.HeadDigest)
		}
		return s
	}
	return fmt.Sprintf("%d of %d record(s) failed verification and are left out: see Evidence problems", c.Integrity.Bad, c.Integrity.Records)
}

// failureText renders a last failure for text formats.
func failureText(f *evidence.RunRef) string {
	if f == nil {
		return ""
	}
	parts := []string{day(f.Time)}
	if f.Sequence > 0 {
		parts = append(parts, "run #"+strconv.FormatInt(f.Sequence, 10))
	}
	if f.PullRequest > 0 {
		parts = append(parts, "PR #"+strconv.Itoa(f.PullRequest))
	}
	if f.Commit != "" {
		parts = append(parts, shortSHA(f.Commit))
	}
	s := strings.Join(parts, ", ")
	if len(f.Rules) > 0 {
		s += " (" + strings.Join(f.Rules, ", ") + ")"
	}
	return s
}

func shortSHA(s string) string {
	if len(s) > 12 {
		return s[:12]
	}
	return s
}

// exceptionText renders an exception in one line.
func exceptionText(e evidence.ExceptionUse) string {
	var b strings.Builder
	b.WriteString(e.RuleID)
	if e.Subject != "" {
		b.WriteString(" on " + e.Subject)
	}
	b.WriteString(": " + strconv.Quote(e.Justification))
	var meta []string
	if e.Owner != "" {
		meta = append(meta, "owner "+e.Owner)
	}
	if e.Until != "" {
		meta = append(meta, "until "+e.Until)
	}
	if e.Ticket != "" {
		meta = append(meta, e.Ticket)
	}
	if e.Runs == 0 {
		meta = append(meta, "in force, matched no finding")
	} else {
		meta = append(meta, fmt.Sprintf("suppressed findings in %d run(s)", e.Runs))
	}
	b.WriteString(" (" + strings.Join(meta, ", ") + ")")
	return b.String()
}

// statusLabel is a status as a person reads it.
func statusLabel(s string) string {
	switch s {
	case "pass":
		return "Passing"
	case "fail":
		return "Failing"
	case "unknown":
		return "Unknown"
	case "excepted":
		return "Excepted"
	case StatusNoEvidence:
		return "No evidence"
	case StatusManual:
		return "Manual"
	}
	return s
}

// ComplianceMarkdown writes the report as Markdown: summary, problems, then
// per framework the matrix and the manual controls.
func ComplianceMarkdown(w io.Writer, c *Compliance) error {
	bw := bufio.NewWriter(w)
	repo := c.Repository
	if repo == "" {
		repo = "(no repository recorded)"
	}
	fmt.Fprintf(bw, "# Compliance report: %s\n\n", mdEscape(repo))
	fmt.Fprintf(bw, "- Period: %s\n- Runs: %s\n- Evidence: %s\n- Source: `%s`\n",
		c.Period(), c.Summary(), mdEscape(c.IntegrityLine()), mdEscape(c.Source))
	for _, p := range c.RulePacks {
		fmt.Fprintf(bw, "- Rule pack: gate %s, digest `%s` (%d run(s))\n", mdEscape(p.Version), shortSHA(p.Digest), p.Runs)
	}
	fmt.Fprintf(bw, "\n## Summary\n\n| Framework | Assessable | Automated evidence | Passing | Failing | Unknown | Excepted | Rules did not apply | Manual |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, s := range c.Frameworks {
		fmt.Fprintf(bw, "| %s | %d | %d | %d | %d | %d | %d | %d | %d |\n", s.Name, s.Total, s.Automated, s.Passing, s.Failing, s.Unknown, s.Excepted, s.NoEvidence, s.Manual)
	}
	fmt.Fprintln(bw)
	for _, s := range c.Frameworks {
		fmt.Fprintf(bw, "- **%s**\n", mdEscape(s.Score))
	}
	if len(c.Problems) > 0 {
		fmt.Fprintf(bw, "\n## Evidence problems (%d)\n\nThese records failed verification and are not counted:\n\n", len(c.Problems))
		for _, p := range c.Problems {
			fmt.Fprintf(bw, "- `%s`: %s\n", mdEscape(p.Record), mdEscape(p.Err.Error()))
		}
	}
	for _, s := range c.Frameworks {
		fmt.Fprintf(bw, "\n## %s\n\n%s.\n\n", s.Name, mdEscape(s.Score))
		if len(s.Controls) > 0 {
			fmt.Fprintf(bw, "| Control | Title | Status | Rules | Runs | Pass | Fail | Unknown | Excepted | Last failure | Exceptions |\n|---|---|---|---|---:|---:|---:|---:|---:|---|---|\n")
			for _, r := range s.Controls {
				var exc []string
				for _, e := range r.Exceptions {
					exc = append(exc, exceptionText(e))
				}
				id := r.ID
				if !r.InCatalog {
					id += " (not scored)"
				}
				fmt.Fprintf(bw, "| %s | %s | %s | %s | %d | %d | %d | %d | %d | %s | %s |\n", mdEscape(id), mdEscape(r.Title),
					statusLabel(r.Status), mdEscape(rulesText(r)), r.Runs, r.Pass, r.Fail, r.Unknown, r.Excepted,
					mdEscape(failureText(r.LastFailure)), mdEscape(strings.Join(exc, "; ")))
			}
		}
		if len(s.ManualControls) > 0 {
			fmt.Fprintf(bw, "\n### Manual: %d %s no rule can evidence automatically\n\nCollect their evidence outside the gate.\n\n| Control | Title |\n|---|---|\n", s.Manual, s.Unit)
			for _, m := range s.ManualControls {
				fmt.Fprintf(bw, "| %s | %s |\n", mdEscape(m.ID), mdEscape(m.Title))
			}
		}
	}
	return bw.Flush()
}

// ComplianceCSV writes one row per control (manual ones included), for a
// spreadsheet.
func ComplianceCSV(w io.Writer, c *Compliance) error {
	cw := csv.NewWriter(w)
	rows := [][]string{{"framework", "control", "title", "status", "scored", "rules_judged", "rules_mapped", "runs", "pass", "fail", "unknown", "excepted",
		"blocked", "last_failure_time", "last_failure_run", "last_failure_commit", "last_failure_rules", "exceptions"}}
	for _, s := range c.Frameworks {
		for _, r := range s.Controls {
			var exc []string
			for _, e := range r.Exceptions {
				exc = append(exc, exceptionText(e))
			}
			lf := r.LastFailure
			if lf == nil {
				lf = &evidence.RunRef{}
			}
			seq := ""
			if lf.Sequence > 0 {
				seq = strconv.FormatInt(lf.Sequence, 10)
			}
			rows = append(rows, []string{s.Key, r.ID, r.Title, r.Status, strconv.FormatBool(r.InCatalog), strings.Join(r.Judged, " "), strings.Join(r.Rules, " "),
				strconv.Itoa(r.Runs), strconv.Itoa(r.Pass), strconv.Itoa(r.Fail), strconv.Itoa(r.Unknown), strconv.Itoa(r.Excepted),
				strconv.Itoa(r.Blocked), lf.Time, seq, lf.Commit, strings.Join(lf.Rules, " "), strings.Join(exc, "; ")})
		}
		for _, m := range s.ManualControls {
			rows = append(rows, []string{s.Key, m.ID, m.Title, StatusManual, "true", "", "", "0", "0", "0", "0", "0", "0", "", "", "", "", ""})
		}
	}
	for _, r := range rows {
		for i, f := range r {
			r[i] = csvSafe(f)
		}
	}
	if err := cw.WriteAll(rows); err != nil {
		return fmt.Errorf("csv: %w", err)
	}
	return nil
}

// csvSafe defuses cells a spreadsheet would run as a formula.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
