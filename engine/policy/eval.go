package policy

import (
	"context"
	"errors"
	"fmt"
	"slices"
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

// Eval evaluates one document with the prepared queries of its kind, the
// shards in parallel. Results come in package order whatever the shards.
func (p *Pack) Eval(ctx context.Context, kind string, input ast.Value) ([]Result, error) {
	if !slices.Contains(documentKinds(), kind) {
		return nil, fmt.Errorf("no rules for document kind %q", kind)
	}
	var types map[string]bool
	for _, sh := range p.shards[kind] {
		if len(sh.providers) > 0 {
			types = resourceTypes(input)
			break
		}
	}
	shards := p.shardsFor(kind, types) // none: no rule reads this kind

	tops := make([]map[string]any, len(shards))
	errs := make([]error, len(shards))
	var wg sync.WaitGroup
	for i, sh := range shards {
		wg.Add(1)
		go func(i int, sh *shard) {
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

// shardsFor lists the shards that evaluate a document of this kind whose
// resources have these types: a provider's shard only when the document
// has a resource of that provider (none of its rules could fire otherwise).
func (p *Pack) shardsFor(kind string, types map[string]bool) []*shard {
	var out []*shard
	for _, sh := range p.shards[kind] {
		if len(sh.providers) > 0 && !anyPrefix(types, sh.providers) {
			continue
		}
		out = append(out, sh)
	}
	return out
}

// resourceTypes lists the resource types (managed and data) of a
// Terraform document: from the engine's index when present, else from
// input.resources.
func resourceTypes(input ast.Value) map[string]bool {
	out := map[string]bool{}
	obj, ok := input.(ast.Object)
	if !ok {
		return out
	}
	if ix, ok := termValue(obj, "_index").(ast.Object); ok {
		for _, mode := range []string{"managed", "data"} {
			if byType, ok := termValue(ix, mode).(ast.Object); ok {
				for _, k := range byType.Keys() {
					if s, ok := k.Value.(ast.String); ok {
						out[string(s)] = true
					}
				}
			}
		}
		return out
	}
	if rs, ok := termValue(obj, "resources").(*ast.Array); ok {
		rs.Foreach(func(t *ast.Term) {
			if r, ok := t.Value.(ast.Object); ok {
				if s, ok := termValue(r, "type").(ast.String); ok {
					out[string(s)] = true
				}
			}
		})
	}
	return out
}

// termValue is obj[key]'s value, nil when absent.
func termValue(obj ast.Object, key string) ast.Value {
	if t := obj.Get(ast.InternedTerm(key)); t != nil {
		return t.Value
	}
	return nil
}

// anyPrefix reports whether some type starts with one of the prefixes.
func anyPrefix(types map[string]bool, prefixes []string) bool {
	for t := range types {
		for _, p := range prefixes {
			if strings.HasPrefix(t, p) {
				return true
			}
		}
	}
	return false
}

func (p *Pack) evalShard(ctx context.Context, kind string, sh *shard, input ast.Value) (map[string]any, error) {
	q, err := p.query(ctx, sh)
	if err != nil {
		return nil, err
	}
	rs, err := q.Eval(ctx, rego.EvalParsedInput(input))
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
