// Package engine runs the gate: it discovers inputs, reads them into
// documents, evaluates every document with the compiled rule pack, turns rule
// results into findings with locations, fingerprints and controls, applies
// exceptions and the baseline, and decides what blocks.
package engine

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/gatehq/gate/engine/catalog"
	"github.com/gatehq/gate/engine/model"
	"github.com/gatehq/gate/engine/policy"
	"github.com/gatehq/gate/internal/par"
	"github.com/gatehq/gate/rules"
)

// Options describe one run.
type Options struct {
	// Root is the repository root: every path in the output is relative to it.
	Root string
	// Paths are the files and directories to scan ("." when empty).
	Paths []string
	// Plans are plan JSON files named with --plan.
	Plans []string
	// Policies are user policy directories or files (--policy).
	Policies []string
	// NoBuiltin leaves the built-in pack out (user policies only).
	NoBuiltin bool
	// Frameworks limits rules and the controls shown to these framework keys
	// (empty = all four).
	Frameworks []string
	// FailOn is the lowest severity that blocks (default high).
	FailOn model.Severity
	// UnknownBlocks makes UNKNOWN verdicts block (--unknown fail).
	UnknownBlocks bool
	// AllowEmpty makes "no inputs found" a pass instead of exit 2.
	AllowEmpty bool
	// Params are rule parameters by rule id.
	Params map[string]map[string]any
	// Enable, when set, evaluates only these rule ids; Disable leaves rules out.
	Enable, Disable []string
	// Exclude are path patterns (slash-separated globs, ** allowed) not scanned.
	Exclude []string
	// Exceptions are the exceptions-file entries (external suppressions).
	Exceptions []model.Suppression
	// Baseline holds fingerprints of accepted findings: they do not block.
	Baseline map[string]bool
	// Now is the clock for exception expiry (zero = time.Now()).
	Now time.Time
	// Sources are extra document sources (GitHub settings) read alongside
	// the discovered files.
	Sources []Source
	// MaxFileSize bounds each input file (0 = each reader's default).
	MaxFileSize int64
	// LookupEnv reads the environment (nil = os.LookupEnv): the repository
	// reader learns the repository's visibility from GITHUB_EVENT_PATH.
	LookupEnv func(string) (string, bool)
	// Timeout bounds the whole run (0 = none).
	Timeout time.Duration
}

// Source produces documents that are not files under the scan paths, such
// as a repository's GitHub settings.
type Source interface {
	Name() string
	Read(ctx context.Context) ([]*model.Document, []*model.InputError)
}

// Result is everything a run found.
type Result struct {
	Findings    []model.Finding
	Rules       []*model.Rule // rules evaluated, sorted by id
	Documents   []DocumentInfo
	InputErrors []*model.InputError
	RuleErrors  []string
	// Notices are facts the user must see: expired exceptions, remote
	// modules not followed, exceptions without a justification.
	Notices []string
	// Verdicts is each evaluated rule's overall verdict in this run.
	Verdicts map[string]model.Verdict
	FailOn   model.Severity
	// NoInputs is set when nothing at all was read.
	NoInputs   bool
	AllowEmpty bool
	Frameworks []string
	Started    time.Time
	Duration   time.Duration
}

// DocumentInfo summarises one document read.
type DocumentInfo struct {
	Kind      string            `json:"kind"`
	Source    string            `json:"source"`
	Path      string            `json:"path"`
	Files     []model.InputFile `json:"files"`
	Resources int               `json:"resources,omitempty"`
	Notes     []string          `json:"notes,omitempty"`
	// MappedTo is the Terraform source directory whose lines plan findings point at.
	MappedTo string `json:"mapped_to,omitempty"`
}

// Exit codes.
const (
	ExitPass    = 0
	ExitBlocked = 1
	ExitError   = 2
)

// ExitCode is 2 when the gate could not do its job (a rule failed, an input
// the user named could not be read, nothing to read), 1 when a finding
// blocks, 0 otherwise.
func (r *Result) ExitCode() int {
	if len(r.RuleErrors) > 0 {
		return ExitError
	}
	for _, e := range r.InputErrors {
		if e.Explicit {
			return ExitError
		}
	}
	if r.NoInputs && !r.AllowEmpty {
		return ExitError
	}
	if r.Blocking() > 0 {
		return ExitBlocked
	}
	return ExitPass
}

// Blocking counts blocking findings.
func (r *Result) Blocking() int {
	n := 0
	for i := range r.Findings {
		if r.Findings[i].Blocking {
			n++
		}
	}
	return n
}

// Engine holds a compiled rule pack and the control catalogs; it is safe
// for concurrent runs.
type Engine struct {
	pack    *policy.Pack
	catalog *catalog.Catalog
}

// Catalog is the embedded control catalog.
func (e *Engine) Catalog() *catalog.Catalog { return e.catalog }

// New compiles the built-in pack and the user policies once.
func New(ctx context.Context, opts Options) (*Engine, error) {
	// The catalogs load while the rule pack is read.
	type loaded struct {
		cat *catalog.Catalog
		err error
	}
	catc := make(chan loaded, 1)
	go func() {
		cat, err := catalog.New()
		catc <- loaded{cat, err}
	}()
	var (
		mods  []policy.Module
		index string
	)
	if !opts.NoBuiltin {
		index = rules.Index
		m, err := policy.LoadFS(rules.FS, ".", "rules", true, false)
		if err != nil {
			return nil, err
		}
		mods = append(mods, m...)
	}
	for _, dir := range opts.Policies {
		m, err := policy.LoadDir(ctx, dir, false)
		if err != nil {
			return nil, err
		}
		mods = append(mods, m...)
	}
	if len(mods) == 0 {
		return nil, errors.New("no rules: --no-builtin without --policy")
	}
	pack, err := policy.Compile(ctx, mods, policy.Options{Params: opts.Params, Index: index})
	if err != nil {
		return nil, err
	}
	c := <-catc
	if c.err != nil {
		return nil, fmt.Errorf("control catalog: %w", c.err)
	}
	cat := c.cat
	var errs []error
	for _, r := range pack.Rules() {
		if r.Builtin {
			for _, err := range cat.ValidateControls(r.Controls) {
				errs = append(errs, fmt.Errorf("%s (%s): %w", r.File, r.ID, err))
			}
			continue
		}
		// User rules may cite ISO 27001:2013 and CSF 1.1 IDs: map them to
		// the current versions; an ID that exists nowhere is an error.
		if len(r.Controls) > 0 {
			norm, cerrs := cat.NormalizeControls(r.Controls)
			for _, err := range cerrs {
				errs = append(errs, fmt.Errorf("%s (%s): %w", r.File, r.ID, err))
			}
			r.Controls = norm
		}
	}
	for id, kv := range opts.Params {
		r, _ := pack.Rule(id)
		if r == nil || len(r.Params) == 0 {
			continue
		}
		for name := range kv {
			if _, ok := r.Params[name]; !ok {
				errs = append(errs, fmt.Errorf("params for %s: unknown parameter %q (the rule takes %s)", id, name, paramNames(r.Params)))
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return &Engine{pack: pack, catalog: cat}, nil
}

func paramNames(m map[string]any) string {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// Pack is the compiled rule pack.
func (e *Engine) Pack() *policy.Pack { return e.pack }

// selected reports whether a rule is evaluated in this run.
func selected(r *model.Rule, opts *Options) bool {
	for _, id := range opts.Disable {
		if matchID(id, r.ID) {
			return false
		}
	}
	if len(opts.Enable) > 0 {
		ok := false
		for _, id := range opts.Enable {
			if matchID(id, r.ID) {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	if len(opts.Frameworks) > 0 {
		for _, fw := range opts.Frameworks {
			if len(r.Controls[fw]) > 0 {
				return true
			}
		}
		return false
	}
	return true
}

// matchID matches a rule id against an id or a prefix pattern ending in *.
func matchID(pattern, id string) bool {
	if strings.HasSuffix(pattern, "*") {
		return strings.HasPrefix(id, strings.TrimSuffix(pattern, "*"))
	}
	return pattern == id
}

// Run scans, evaluates and decides: ReadInputs, then Evaluate.
func (e *Engine) Run(ctx context.Context, opts Options) (*Result, error) {
	return WithTimeout(ctx, opts.Timeout, func(ctx context.Context) (*Result, error) {
		in, err := ReadInputs(ctx, opts)
		if err != nil {
			return nil, err
		}
		return e.Evaluate(ctx, in, opts)
	})
}

// WithTimeout runs f under a deadline of d (none when d is 0) and says so
// when the deadline is what stopped it.
func WithTimeout[T any](ctx context.Context, d time.Duration, f func(context.Context) (T, error)) (T, error) {
	if d <= 0 {
		return f(ctx)
	}
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	v, err := f(ctx)
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		var zero T
		if err != nil {
			return zero, fmt.Errorf("the run took longer than --timeout %s: %w", d, err)
		}
		return zero, fmt.Errorf("the run took longer than --timeout %s", d)
	}
	return v, err
}

// Inputs are the documents of one run. Reading them needs no compiled
// rules, so a caller can read while New compiles (gate check does).
type Inputs struct {
	docs   []*model.Document
	errs   []*model.InputError
	mapped map[*model.Document]*model.Document
	// values are the documents as rules see them (InputValue), converted
	// while reading; a conversion error fails that document's evaluation.
	values []docValue
	// started is when reading began: a run's duration counts it.
	started time.Time
}

type docValue struct {
	v   ast.Value
	err error
}

// ReadInputs discovers and reads every input of a run: files under the
// scan paths, named plans, and opts.Sources. An unreadable input is an
// InputError in the result, not an error; the error is for a run that
// cannot start (a bad path pattern, a cancelled context).
func ReadInputs(ctx context.Context, opts Options) (*Inputs, error) {
	return readInputs(ctx, opts, nil)
}

// readInputs is ReadInputs calling read(d) for each document as soon as
// it is read, before it is converted.
func readInputs(ctx context.Context, opts Options, read func(*model.Document)) (*Inputs, error) {
	started := time.Now()
	docs, inErrs, mapped, err := discover(ctx, &opts)
	if err != nil {
		return nil, err
	}
	for _, s := range opts.Sources {
		d, ie := s.Read(ctx)
		docs = append(docs, d...)
		inErrs = append(inErrs, ie...)
	}
	if read != nil {
		for _, d := range docs {
			read(d)
		}
	}
	// Convert each document to the value rules see here, not in Evaluate:
	// Start reads while the rules compile, so this overlaps too.
	values := make([]docValue, len(docs))
	par.Each(len(docs), func(i int) {
		v, err := InputValue(docs[i])
		values[i] = docValue{v, err}
		if err == nil {
			slim(docs[i])
		}
	})
	return &Inputs{docs: docs, errs: inErrs, mapped: mapped, values: values, started: started}, nil
}

// Start is how gate check begins: it builds the engine (New) and reads
// the inputs (ReadInputs) at the same time, and as soon as a document is
// read and the engine is ready it compiles, in the background, the rule
// shards that document needs, while the documents are converted for the
// rules. Evaluate then finds its rules compiled.
func Start(ctx context.Context, opts Options) (*Engine, *Inputs, error) {
	var (
		eng    *Engine
		engErr error
		ready  = make(chan struct{})
	)
	go func() {
		defer close(ready)
		eng, engErr = New(ctx, opts)
	}()
	in, err := readInputs(ctx, opts, func(d *model.Document) {
		go func() {
			<-ready
			if engErr == nil {
				// A compile error here comes back from Evaluate, which
				// reports it; this only starts the work early.
				_ = eng.pack.PrepareFor(ctx, d.Kind, resourceTypes(d))
			}
		}()
	})
	<-ready
	if engErr != nil {
		return nil, nil, engErr
	}
	if err != nil {
		return nil, nil, err
	}
	return eng, in, nil
}

// keptKeys are the keys of a resource the engine reads once the document
// is converted (locations, verdicts, the documents summary); rules read
// the converted value.
func keptKeys() []string {
	return []string{"address", "config_address", "mode", "type", "name"}
}

// slim drops from a converted document's resources what only rules read
// (values, refs, …): the rules have their own copy, and on a large plan
// the Go values are a fifth of the live heap during evaluation.
func slim(d *model.Document) {
	rs, ok := d.Input["resources"].([]any)
	if !ok {
		return
	}
	kept := keptKeys()
	out := make([]any, len(rs))
	for i, r := range rs {
		m, ok := r.(map[string]any)
		if !ok {
			out[i] = r
			continue
		}
		s := make(map[string]any, len(kept))
		for _, k := range kept {
			if v, ok := m[k]; ok {
				s[k] = v
			}
		}
		out[i] = s
	}
	in := make(map[string]any, len(d.Input))
	for k, v := range d.Input {
		in[k] = v
	}
	in["resources"] = out
	d.Input = in
}

// resourceTypes are the resource types of a Terraform document.
func resourceTypes(d *model.Document) map[string]bool {
	types := map[string]bool{}
	rs, _ := d.Input["resources"].([]any)
	for _, r := range rs {
		if m, ok := r.(map[string]any); ok {
			if t, ok := m["type"].(string); ok {
				types[t] = true
			}
		}
	}
	return types
}

// Evaluate evaluates inputs read by ReadInputs (with the same options) and
// decides what blocks. It consumes in: each document's rule input is
// released once evaluated, so in cannot be evaluated again.
func (e *Engine) Evaluate(ctx context.Context, in *Inputs, opts Options) (*Result, error) {
	start := opts.Now
	if start.IsZero() {
		start = in.started
	}
	if opts.FailOn == "" {
		opts.FailOn = model.SeverityHigh
	}
	res := &Result{
		Verdicts:   map[string]model.Verdict{},
		FailOn:     opts.FailOn,
		AllowEmpty: opts.AllowEmpty,
		Frameworks: opts.Frameworks,
		Started:    start,
	}
	for _, r := range e.pack.Rules() {
		if selected(r, &opts) {
			res.Rules = append(res.Rules, r)
		}
	}
	for _, id := range opts.Enable {
		if !strings.HasSuffix(id, "*") {
			if _, ok := e.pack.Rule(id); !ok {
				return nil, fmt.Errorf("--enable %s: no such rule", id)
			}
		}
	}

	docs, inErrs, mapped := in.docs, in.errs, in.mapped
	res.InputErrors = inErrs
	if len(docs) == 0 && len(inErrs) == 0 {
		res.NoInputs = true
	}

	type out struct {
		findings []model.Finding
		err      error
	}
	outs := make([]out, len(docs))
	par.Each(len(docs), func(i int) {
		f, err := e.evalDoc(ctx, docs[i], in.values[i], mapped[docs[i]], &opts)
		in.values[i] = docValue{} // its memory can go before the other documents finish
		outs[i] = out{f, err}
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for i, o := range outs {
		if o.err != nil {
			res.RuleErrors = append(res.RuleErrors, fmt.Sprintf("%s: %v", docs[i].Path, o.err))
			continue
		}
		res.Findings = append(res.Findings, o.findings...)
	}
	for _, d := range docs {
		info := DocumentInfo{Kind: d.Kind, Source: d.Source, Path: d.Path, Files: d.Files, Notes: d.Notes}
		if rs, ok := d.Input["resources"].([]any); ok {
			info.Resources = len(rs)
		}
		if m := mapped[d]; m != nil {
			info.MappedTo = m.Path
		}
		res.Documents = append(res.Documents, info)
		for _, n := range d.Notes {
			res.Notices = append(res.Notices, d.Path+": "+n)
		}
	}
	sort.Slice(res.Documents, func(i, j int) bool { return res.Documents[i].Path < res.Documents[j].Path })
	for _, ie := range inErrs {
		if !ie.Explicit {
			res.Findings = append(res.Findings, inputErrorFinding(ie))
		}
	}
	e.decide(res, docs, mapped, &opts)
	sort.Strings(res.RuleErrors)
	sort.Strings(res.Notices)
	res.Notices = dedupe(res.Notices)
	sort.Slice(res.InputErrors, func(i, j int) bool { return res.InputErrors[i].Error() < res.InputErrors[j].Error() })
	model.SortFindings(res.Findings)
	res.Duration = time.Since(start)
	if !opts.Now.IsZero() {
		res.Duration = 0
	}
	return res, nil
}

func dedupe(s []string) []string {
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// InputErrorRuleID names findings for inputs that could not be read.
const InputErrorRuleID = "GATE-INPUT-001"

func inputErrorFinding(ie *model.InputError) model.Finding {
	return model.Finding{
		RuleID:   InputErrorRuleID,
		Title:    "Input could not be read",
		Severity: model.SeverityHigh,
		Verdict:  model.VerdictError,
		Message:  ie.Error(),
		Subject:  ie.Path,
		Document: ie.Path,
		Location: model.Position{File: ie.Path, Line: ie.Line, Column: ie.Column},
		Remediation: "Fix the file so that it parses, or exclude it (`exclude:` in .gate.yaml). " +
			"The gate fails closed: what it cannot read, it cannot pass.",
		Controls:    model.Controls{},
		Fingerprint: fingerprint(InputErrorRuleID, ie.Path, "", ""),
		Blocking:    true,
	}
}

// evalDoc evaluates one document and builds its findings.
func (e *Engine) evalDoc(ctx context.Context, d *model.Document, dv docValue, src *model.Document, opts *Options) ([]model.Finding, error) {
	if dv.err != nil {
		return nil, dv.err
	}
	results, err := e.pack.Eval(ctx, d.Kind, dv.v)
	if err != nil {
		return nil, err
	}
	cfg := configAddresses(d)
	var fs []model.Finding
	for _, r := range results {
		if !selected(r.Rule, opts) {
			continue
		}
		f := model.Finding{
			RuleID:      r.Rule.ID,
			Title:       r.Rule.Title,
			Severity:    r.Rule.Severity,
			Verdict:     model.VerdictFail,
			Document:    d.Path,
			Controls:    filterControls(r.Rule.Controls, opts.Frameworks),
			Remediation: r.Rule.Remediation,
		}
		switch v := r.Value.(type) {
		case string:
			f.Message = v
		case map[string]any:
			f.Message, _ = v["msg"].(string)
			f.Subject, _ = v["resource"].(string)
			f.Attribute, _ = v["attribute"].(string)
			if s, ok := v["severity"].(string); ok {
				if sev, err := model.ParseSeverity(s); err == nil {
					f.Severity = sev
				}
			}
		default:
			return nil, &policy.RuleError{RuleID: r.Rule.ID, Where: r.Rule.File,
				Err: fmt.Errorf("%s contains a %T; want an object {msg, resource, attribute} or a string", r.Set, r.Value)}
		}
		if f.Message == "" {
			return nil, &policy.RuleError{RuleID: r.Rule.ID, Where: r.Rule.File, Err: fmt.Errorf("%s element without msg: %v", r.Set, r.Value)}
		}
		switch r.Set {
		case "unknown":
			f.Verdict = model.VerdictUnknown
		case "warn":
			// conftest-style warnings are informational: they never block
			// unless --fail-on info.
			f.Severity = model.SeverityInfo
		}
		if f.Subject == "" {
			f.Subject = d.Path
		}
		f.Location, f.Related = locate(d, src, cfg, f.Subject, f.Attribute)
		f.Fingerprint = fingerprint(f.RuleID, d.Kind, f.Subject, f.Attribute)
		if r.Set == "warn" {
			f.Fingerprint = fingerprint(f.RuleID+"/warn", d.Kind, f.Subject, f.Attribute)
		}
		fs = append(fs, f)
	}
	return fs, nil
}
