// Package policy loads the rule pack and user policies, compiles them once,
// reads each rule's METADATA into a model.Rule, and evaluates documents with
// one prepared query per document kind.
package policy

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/gatehq/gate/engine/model"
)

// ResultRules are the rule names the engine collects from every package:
// deny and violation are failures, warn is a non-blocking warning, unknown is
// an UNKNOWN verdict (the rule could not see what it needs).
var resultRules = []string{"deny", "violation", "warn", "unknown"}

// BuiltinPrefix is the package prefix of rules that apply to one document kind.
const rulesPrefix = "gate.rules."

// Module is one Rego source file.
type Module struct {
	Path    string // display path: "rules/terraform/aws/s3.rego" or the user's path
	Text    string
	Builtin bool
}

// LoadFS reads every .rego file under dir in fsys. Test files (_test.rego)
// are included only when tests is true. prefix is prepended to display paths.
func LoadFS(fsys fs.FS, dir, prefix string, builtin, tests bool) ([]Module, error) {
	var mods []Module
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".rego") {
			return nil
		}
		if !tests && strings.HasSuffix(p, "_test.rego") {
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return fmt.Errorf("read %s: %w", p, err)
		}
		mods = append(mods, Module{Path: path.Join(prefix, p), Text: string(b), Builtin: builtin})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load rules from %s: %w", path.Join(prefix, dir), err)
	}
	return mods, nil
}

// LoadDir reads user policies from a directory on disk (or a single file).
func LoadDir(ctx context.Context, dir string, tests bool) ([]Module, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("policy directory: %w", err)
	}
	if !st.IsDir() {
		b, err := os.ReadFile(dir)
		if err != nil {
			return nil, fmt.Errorf("policy file: %w", err)
		}
		return []Module{{Path: filepath.ToSlash(dir), Text: string(b)}}, nil
	}
	mods, err := LoadFS(os.DirFS(dir), ".", filepath.ToSlash(dir), false, tests)
	if err != nil {
		return nil, err
	}
	if len(mods) == 0 {
		return nil, fmt.Errorf("policy directory %s: no .rego files", dir)
	}
	return mods, nil
}

// Options tune a compilation.
type Options struct {
	// Params are rule parameters by rule id, stored at data.gate_config.params.
	Params map[string]map[string]any
	// AllowUnsafeBuiltins lets user policies call http.send, net.*,
	// opa.runtime and the like. Off by default: a policy must not leak the
	// environment or reach the network from a CI gate.
	AllowUnsafeBuiltins bool
}

// unsafeBuiltins are removed from the capabilities unless AllowUnsafeBuiltins.
var unsafeBuiltins = map[string]bool{
	"http.send":          true,
	"net.lookup_ip_addr": true,
	"opa.runtime":        true,
	"rego.parse_module":  true,
	"trace":              true,
}

// Pack is a compiled set of rules, ready to evaluate documents.
type Pack struct {
	compiler *ast.Compiler
	store    storage.Store
	rules    []*model.Rule          // sorted by id
	byPkg    map[string]*model.Rule // package path (without "data.") → rule
	byFile   map[string]*model.Rule // module path → rule
	queries  map[string][]shard     // kind → query shards, evaluated in parallel
	kinds    map[string][]string    // kind → packages evaluated for it
	pkgNames map[string][]string    // package → result rules it defines
}

// Compile parses, checks and compiles modules once and prepares one query per
// document kind. Errors name the file and line.
func Compile(ctx context.Context, modules []Module, opts Options) (*Pack, error) {
	caps := ast.CapabilitiesForThisVersion()
	if !opts.AllowUnsafeBuiltins {
		kept := caps.Builtins[:0:0]
		for _, b := range caps.Builtins {
			if !unsafeBuiltins[b.Name] {
				kept = append(kept, b)
			}
		}
		caps.Builtins = kept
	}
	popts := ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1, Capabilities: caps}

	parsed := make(map[string]*ast.Module, len(modules))
	builtin := make(map[string]bool, len(modules))
	var errs []error
	// Parse in parallel: parsing is a third of the start-up cost.
	mods := make([]*ast.Module, len(modules))
	perrs := make([]error, len(modules))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i := range modules {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			mods[i], perrs[i] = ast.ParseModuleWithOpts(modules[i].Path, modules[i].Text, popts)
		}(i)
	}
	wg.Wait()
	for i, m := range modules {
		if _, dup := parsed[m.Path]; dup {
			errs = append(errs, fmt.Errorf("%s: loaded twice", m.Path))
			continue
		}
		if perrs[i] != nil {
			errs = append(errs, fmt.Errorf("parse %w", perrs[i]))
			continue
		}
		parsed[m.Path] = mods[i]
		builtin[m.Path] = m.Builtin
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}

	compiler := ast.NewCompiler().
		WithCapabilities(caps).
		WithEnablePrintStatements(false).
		WithDefaultRegoVersion(ast.RegoV1)
	allBuiltin := true
	for _, m := range modules {
		allBuiltin = allBuiltin && m.Builtin
	}
	if allBuiltin {
		// The embedded pack passed every check stage in its tests (the Rego
		// test runner compiles it with all stages): at run time skip the
		// stages that only check and change nothing, a third of start-up.
		// User policies always get the full compilation.
		compiler = compiler.WithSkipStages(ast.StageCheckTypes, ast.StageCheckUnusedImports,
			ast.StageCheckDeprecatedBuiltins, ast.StageCheckRecursion, ast.StageCheckDuplicateImports,
			ast.StageCheckKeywordOverrides, ast.StageBuildRequiredCapabilities)
	}
	compiler.Compile(parsed)
	if compiler.Failed() {
		return nil, fmt.Errorf("compile rules: %w", compiler.Errors)
	}

	p := &Pack{
		compiler: compiler,
		byPkg:    map[string]*model.Rule{},
		byFile:   map[string]*model.Rule{},
		queries:  map[string][]shard{},
		kinds:    map[string][]string{},
	}
	if err := p.describe(parsed, builtin); err != nil {
		return nil, err
	}

	params := map[string]any{}
	for id, kv := range opts.Params {
		if _, ok := p.ruleByID(id); !ok {
			return nil, fmt.Errorf("params for unknown rule %q", id)
		}
		m := map[string]any{}
		for k, v := range kv {
			m[k] = v
		}
		params[id] = m
	}
	p.store = inmem.NewFromObject(map[string]any{"gate_config": map[string]any{"params": params}})

	// The packages of each kind are split into shards, one prepared query
	// each, evaluated in parallel on one document: evaluation is the bulk
	// of a large plan's cost and OPA evaluates a query on one goroutine.
	n := runtime.GOMAXPROCS(0)
	if n > 4 {
		n = 4
	}
	for _, kind := range []string{model.KindTerraform, model.KindGitHub, model.KindRepo} {
		pkgs := p.kinds[kind]
		k := n
		if len(pkgs) < 2*k {
			k = 1
		}
		for i := 0; i < k; i++ {
			var part []string
			for j := i; j < len(pkgs); j += k {
				part = append(part, pkgs[j])
			}
			q, err := p.prepare(ctx, kind, part, caps)
			if err != nil {
				return nil, err
			}
			p.queries[kind] = append(p.queries[kind], shard{q: q, pkgs: part})
		}
	}
	return p, nil
}

// describe reads METADATA from every package that defines result rules.
func (p *Pack) describe(parsed map[string]*ast.Module, builtin map[string]bool) error {
	as := p.compiler.GetAnnotationSet()
	files := make([]string, 0, len(parsed))
	for f := range parsed {
		files = append(files, f)
	}
	sort.Strings(files)

	type pkgInfo struct {
		rule  *model.Rule
		names map[string]bool
	}
	pkgs := map[string]*pkgInfo{}
	var errs []error
	ids := map[string]string{}

	for _, file := range files {
		mod := parsed[file]
		if strings.HasSuffix(file, "_test.rego") {
			continue
		}
		pkg := strings.TrimPrefix(mod.Package.Path.String(), "data.")
		names := map[string]bool{}
		for _, r := range mod.Rules {
			name := r.Head.Name.String()
			if len(r.Head.Reference) > 0 {
				name = r.Head.Reference[0].String()
			}
			for _, rn := range resultRules {
				if name == rn && r.Head.RuleKind() == ast.MultiValue {
					names[rn] = true
				}
			}
		}
		if len(names) == 0 {
			continue
		}
		info := pkgs[pkg]
		if info == nil {
			info = &pkgInfo{names: map[string]bool{}}
			pkgs[pkg] = info
		}
		for n := range names {
			info.names[n] = true
		}
		var ann *ast.Annotations
		if as != nil {
			ann = as.GetPackageScope(mod.Package)
			if ann == nil {
				for _, r := range mod.Rules {
					for _, a := range as.GetRuleScope(r) {
						if a.Custom != nil {
							ann = a
						}
					}
				}
			}
		}
		rule, err := ruleFromAnnotations(pkg, file, builtin[file], ann)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if info.rule != nil {
			// Several files of one package: keep the one with METADATA.
			if info.rule.ID != info.rule.Package || rule.ID == rule.Package {
				p.byFile[file] = info.rule
				continue
			}
		}
		if prev, dup := ids[rule.ID]; dup && prev != pkg {
			errs = append(errs, fmt.Errorf("%s: rule id %s is also used by package %s", file, rule.ID, prev))
			continue
		}
		ids[rule.ID] = pkg
		info.rule = rule
		p.byFile[file] = rule
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	for pkg, info := range pkgs {
		r := info.rule
		p.byPkg[pkg] = r
		p.rules = append(p.rules, r)
		if r.Kind == "" {
			for _, k := range []string{model.KindTerraform, model.KindGitHub, model.KindRepo} {
				p.kinds[k] = append(p.kinds[k], pkg)
			}
		} else {
			p.kinds[r.Kind] = append(p.kinds[r.Kind], pkg)
		}
	}
	for k := range p.kinds {
		sort.Strings(p.kinds[k])
	}
	sort.Slice(p.rules, func(i, j int) bool { return p.rules[i].ID < p.rules[j].ID })
	p.pkgNames = map[string][]string{}
	for pkg, info := range pkgs {
		for n := range info.names {
			p.pkgNames[pkg] = append(p.pkgNames[pkg], n)
		}
		sort.Strings(p.pkgNames[pkg])
	}
	return nil
}
