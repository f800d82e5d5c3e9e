package policy

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/tester"
)

// TestResult is the outcome of one Rego unit test (a rule named test_*).
type TestResult struct {
	File    string // module path
	Row     int    // line of the test rule
	Package string // package path without "data."
	Name    string // test rule name
	Pass    bool
	Skip    bool
	Err     error // evaluation error (a failing built-in, a conflict)
}

// String renders the result the way `opa test` does.
func (t TestResult) String() string {
	status := "PASS"
	switch {
	case t.Skip:
		status = "SKIP"
	case t.Err != nil:
		status = "ERROR: " + t.Err.Error()
	case !t.Pass:
		status = "FAIL"
	}
	return fmt.Sprintf("%s:%d: %s.%s: %s", t.File, t.Row, t.Package, t.Name, status)
}

// RunTests compiles modules (rules and their _test.rego files) and runs
// every test_ rule with strict built-in errors, so that a rule which would
// fail closed at run time also fails its tests. The result is sorted by
// file and line.
func RunTests(ctx context.Context, modules []Module) ([]TestResult, error) {
	caps := ast.CapabilitiesForThisVersion()
	popts := ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1, Capabilities: caps}
	parsed := make(map[string]*ast.Module, len(modules))
	for _, m := range modules {
		mod, err := ast.ParseModuleWithOpts(m.Path, m.Text, popts)
		if err != nil {
			return nil, fmt.Errorf("parse %w", err)
		}
		parsed[m.Path] = mod
	}
	compiler := ast.NewCompiler().
		WithCapabilities(caps).
		WithEnablePrintStatements(true).
		WithDefaultRegoVersion(ast.RegoV1)
	store := inmem.NewFromObject(map[string]any{"gate_config": map[string]any{"params": map[string]any{}}})
	ch, err := tester.NewRunner().
		SetCompiler(compiler).
		SetStore(store).
		RaiseBuiltinErrors(true).
		SetModules(parsed).
		RunTests(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("run rule tests: %w", err)
	}
	var out []TestResult
	for r := range ch {
		tr := TestResult{
			Package: strings.TrimPrefix(r.Package, "data."),
			Name:    r.Name,
			Pass:    r.Pass(),
			Skip:    r.Skip,
			Err:     r.Error,
		}
		if r.Location != nil {
			tr.File, tr.Row = r.Location.File, r.Location.Row
		}
		out = append(out, tr)
	}
	if compiler.Failed() {
		return nil, fmt.Errorf("compile rule tests: %w", compiler.Errors)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].Row < out[j].Row
	})
	return out, nil
}
