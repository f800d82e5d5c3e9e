package policy

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/gatehq/gate/engine/model"
)

// Result is one element a rule added to one of its result sets.
type Result struct {
	Rule *model.Rule
	Set  string // deny, violation, warn or unknown
	// Value is the element: an object {"msg", "resource", "attribute", …} or,
	// for conftest-style rules, a string message.
	Value any
}

// RuleError is a rule that failed at evaluation time. The gate fails closed.
type RuleError struct {
	RuleID string
	Where  string
	Err    error
}

func (e *RuleError) Error() string {
	return fmt.Sprintf("rule %s (%s): %v", e.RuleID, e.Where, e.Err)
}

func (e *RuleError) Unwrap() error { return e.Err }

const resultVar = "gate_result"

// prepare builds and prepares the query for one document kind: an object of
// package → result set name → array of elements.
func (p *Pack) prepare(ctx context.Context, kind string, pkgs []string, caps *ast.Capabilities) (*rego.PreparedEvalQuery, error) {
	var b strings.Builder
	b.WriteString(resultVar + " := {")
	for i, pkg := range pkgs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Quote(pkg) + ": {")
		ref := ast.MustParseRef("data." + pkg).String()
		for j, n := range p.pkgNames[pkg] {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "%q: [x | some x in %s.%s]", n, ref, n)
		}
		b.WriteString("}")
	}
	b.WriteString("}")
	r := rego.New(
		rego.Query(b.String()),
		rego.Compiler(p.compiler),
		rego.Store(p.store),
		rego.Capabilities(caps),
		rego.StrictBuiltinErrors(true),
		rego.EnablePrintStatements(false),
	)
	pq, err := r.PrepareForEval(ctx)
	if err != nil {
		return nil, fmt.Errorf("prepare query for %s documents: %w", kind, err)
	}
	return &pq, nil
}

// Rules lists every rule, sorted by id.
func (p *Pack) Rules() []*model.Rule { return p.rules }

// RulesFor lists the rules evaluated for a document kind.
func (p *Pack) RulesFor(kind string) []*model.Rule {
	out := make([]*model.Rule, 0, len(p.kinds[kind]))
	for _, pkg := range p.kinds[kind] {
		out = append(out, p.byPkg[pkg])
	}
	return out
}

func (p *Pack) ruleByID(id string) (*model.Rule, bool) {
	for _, r := range p.rules {
		if r.ID == id {
			return r, true
		}
	}
	return nil, false
}

// Rule finds a rule by id.
func (p *Pack) Rule(id string) (*model.Rule, bool) { return p.ruleByID(id) }

// shard is one prepared query over a subset of a kind's packages.
type shard struct {
	q    *rego.PreparedEvalQuery
	pkgs []string
}

// Eval evaluates one document with the prepared queries of its kind, the
// shards in parallel. Results come in package order whatever the shards.
func (p *Pack) Eval(ctx context.Context, kind string, input ast.Value) ([]Result, error) {
	shards, ok := p.queries[kind]
	if !ok {
		return nil, fmt.Errorf("no rules for document kind %q", kind)
	}
	tops := make([]map[string]any, len(shards))
	errs := make([]error, len(shards))
	var wg sync.WaitGroup
	for i, sh := range shards {
		wg.Add(1)
		go func(i int, sh shard) {
			defer wg.Done()
			tops[i], errs[i] = p.evalShard(ctx, kind, sh, input)
		}(i, sh)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	top := map[string]any{}
	for _, t := range tops {
		for k, v := range t {
			top[k] = v
		}
	}
	var out []Result
	for _, pkg := range p.kinds[kind] {
		sets, _ := top[pkg].(map[string]any)
		rule := p.byPkg[pkg]
		for _, n := range p.pkgNames[pkg] {
			elems, _ := sets[n].([]any)
			for _, e := range elems {
				out = append(out, Result{Rule: rule, Set: n, Value: e})
			}
		}
	}
	return out, nil
}

func (p *Pack) evalShard(ctx context.Context, kind string, sh shard, input ast.Value) (map[string]any, error) {
	rs, err := sh.q.Eval(ctx, rego.EvalParsedInput(input))
	if err != nil {
		return nil, p.attribute(err)
	}
	if len(rs) != 1 {
		return nil, fmt.Errorf("evaluate %s document: %d results, want 1", kind, len(rs))
	}
	top, ok := rs[0].Bindings[resultVar].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("evaluate %s document: unexpected result %T", kind, rs[0].Bindings[resultVar])
	}
	return top, nil
}

// attribute names the rule behind an evaluation error, so the message says
// which rule broke and where.
func (p *Pack) attribute(err error) error {
	var te *topdown.Error
	if errors.As(err, &te) && te.Location != nil {
		where := fmt.Sprintf("%s:%d", te.Location.File, te.Location.Row)
		id := "(unknown rule)"
		if r, ok := p.byFile[te.Location.File]; ok {
			id = r.ID
		} else if strings.Contains(te.Location.File, "/lib/") {
			id = "library " + te.Location.File
		}
		return &RuleError{RuleID: id, Where: where, Err: errors.New(te.Message)}
	}
	return fmt.Errorf("evaluate rules: %w", err)
}
