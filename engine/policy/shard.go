package policy

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/gatehq/gate/engine/model"
	"github.com/gatehq/gate/internal/par"
)

// shard is one prepared query over a group of a kind's result packages,
// compiled on first use with only the modules those packages need.
type shard struct {
	kind  string
	group string
	pkgs  []string // result packages, sorted
	files []string // modules compiled for it: the packages' files and what they reference
	// builtin is true when every module is part of the embedded pack.
	builtin bool
	// providers are the resource type prefixes ("aws_") of a built-in
	// Terraform provider group: a document with no resource of these types
	// is not evaluated by the shard. Every built-in Terraform rule declares
	// its resource_types and reads only its provider's resources (no rule
	// fires on the absence of a resource); TestProviderShards checks it.
	providers []string

	once sync.Once
	q    *rego.PreparedEvalQuery
	err  error
}

// group names the shard a result package belongs to: built-in Terraform
// rules group by provider ("terraform/aws"), other built-in rules by kind,
// user policies form a group of their own per kind.
func group(kind, pkg string, builtin bool) string {
	if !builtin {
		return kind + "/user"
	}
	if kind == model.KindTerraform {
		rest := strings.TrimPrefix(pkg, rulesPrefix+model.KindTerraform+".")
		if provider, _, ok := strings.Cut(rest, "."); ok && rest != pkg {
			return kind + "/" + provider
		}
	}
	return kind
}

// maxShard is the most result packages one shard holds: a larger group is
// split, its packages interleaved, so that the shards of a document
// compile and evaluate in similar times on parallel cores (the AWS rules,
// half of the Terraform pack, were the last to finish).
const maxShard = 40

// planShards groups each kind's result packages into shards and works out
// the modules each shard must compile: the files of its packages and,
// transitively, of every package they import or reference under data.
// A reference that cannot be resolved to packages (data[x]) pulls in
// every module, so a shard never lacks a rule it reads: a missing module
// would make its rules undefined, and undefined rules do not fire.
func (p *Pack) planShards(infos []ModuleInfo) {
	g := newDepGraph(infos)
	for _, kind := range documentKinds() {
		byGroup := map[string][]string{}
		for _, pkg := range p.kinds[kind] {
			r := p.byPkg[pkg]
			g := group(kind, pkg, r.Builtin)
			byGroup[g] = append(byGroup[g], pkg)
		}
		groups := make([]string, 0, len(byGroup))
		for g := range byGroup {
			groups = append(groups, g)
		}
		sort.Strings(groups)
		var planned []*shard
		for _, name := range groups {
			pkgs := byGroup[name]
			n := (len(pkgs) + maxShard - 1) / maxShard
			for i := 0; i < n; i++ {
				sh := &shard{kind: kind, group: name, builtin: true}
				if n > 1 {
					sh.group = fmt.Sprintf("%s#%d", name, i+1)
				}
				for j := i; j < len(pkgs); j += n {
					sh.pkgs = append(sh.pkgs, pkgs[j])
				}
				planned = append(planned, sh)
			}
		}
		for _, sh := range planned {
			sh.files = g.closure(sh.pkgs)
			for _, f := range sh.files {
				sh.builtin = sh.builtin && p.builtin[f]
			}
			if kind == model.KindTerraform && !strings.HasSuffix(sh.group, "/user") {
				sh.providers = p.providerPrefixes(sh.pkgs)
			}
			p.shards[kind] = append(p.shards[kind], sh)
		}
	}
}

// depGraph is which packages each package's modules reference.
type depGraph struct {
	pkgFiles map[string][]string        // package → module files, sorted
	deps     map[string]map[string]bool // package → packages it references
	pkgOf    map[string]string          // module file → package
}

func newDepGraph(infos []ModuleInfo) *depGraph {
	g := &depGraph{pkgFiles: map[string][]string{}, deps: map[string]map[string]bool{}, pkgOf: map[string]string{}}
	refs := map[string][]string{} // package → its modules' data references
	for _, info := range infos {
		g.pkgFiles[info.Package] = append(g.pkgFiles[info.Package], info.Path)
		g.pkgOf[info.Path] = info.Package
		refs[info.Package] = append(refs[info.Package], info.Refs...)
	}
	pkgs := make([]string, 0, len(g.pkgFiles))
	for pkg := range g.pkgFiles {
		pkgs = append(pkgs, pkg)
		sort.Strings(g.pkgFiles[pkg])
	}
	sort.Strings(pkgs)
	for _, pkg := range pkgs {
		d := map[string]bool{}
		for _, ref := range refs[pkg] {
			for _, q := range pkgs {
				if q != pkg && refersTo(ref, q) {
					d[q] = true
				}
			}
		}
		g.deps[pkg] = d
	}
	return g
}

// closure lists, sorted, the module files of the packages and of every
// package they reference, transitively.
func (g *depGraph) closure(pkgs []string) []string {
	seen := map[string]bool{}
	var visit func(string)
	visit = func(pkg string) {
		if seen[pkg] {
			return
		}
		seen[pkg] = true
		for q := range g.deps[pkg] {
			visit(q)
		}
	}
	for _, pkg := range pkgs {
		visit(pkg)
	}
	var files []string
	for pkg := range seen {
		files = append(files, g.pkgFiles[pkg]...)
	}
	sort.Strings(files)
	return files
}

// providerPrefixes are the type prefixes ("aws_", "azurerm_") of the
// resource types the packages' rules declare; nil when a rule declares
// none, which keeps the shard evaluated for every document.
func (p *Pack) providerPrefixes(pkgs []string) []string {
	seen := map[string]bool{}
	for _, pkg := range pkgs {
		r := p.byPkg[pkg]
		if !r.Builtin || len(r.ResourceTypes) == 0 {
			return nil
		}
		for _, t := range r.ResourceTypes {
			pre, _, ok := strings.Cut(t, "_")
			if !ok {
				return nil
			}
			seen[pre+"_"] = true
		}
	}
	out := make([]string, 0, len(seen))
	for pre := range seen {
		out = append(out, pre)
	}
	sort.Strings(out)
	return out
}

// dataRefs lists the ground prefixes of the data references in a module
// (imports included), as dotted package-like paths; "" stands for a
// reference whose first key is not a constant (data[x]).
func dataRefs(m *ast.Module) []string {
	var out []string
	add := func(r ast.Ref) {
		if len(r) == 0 || !r[0].Equal(ast.DefaultRootDocument) {
			return
		}
		var parts []string
		for _, t := range r[1:] {
			s, ok := t.Value.(ast.String)
			if !ok {
				break
			}
			parts = append(parts, string(s))
		}
		out = append(out, strings.Join(parts, "."))
	}
	for _, imp := range m.Imports {
		if r, ok := imp.Path.Value.(ast.Ref); ok {
			add(r)
		}
	}
	for _, r := range m.Rules {
		ast.WalkRefs(r, func(ref ast.Ref) bool {
			add(ref)
			return false
		})
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// refersTo reports whether a data reference path can read package pkg:
// it names the package, something inside it, or a parent of it.
func refersTo(ref, pkg string) bool {
	return ref == "" || ref == pkg ||
		strings.HasPrefix(ref, pkg+".") || strings.HasPrefix(pkg, ref+".")
}

// query compiles a shard once and returns its prepared query: an object of
// package → result set name → array of elements. A compile error is kept:
// every evaluation that needs the shard fails with it.
func (p *Pack) query(ctx context.Context, sh *shard) (*rego.PreparedEvalQuery, error) {
	sh.once.Do(func() {
		// Not tied to the first caller's cancellation: the compiled shard
		// serves every later run of this pack.
		sh.q, sh.err = p.compileShard(context.WithoutCancel(ctx), sh)
	})
	return sh.q, sh.err
}

func (p *Pack) compileShard(ctx context.Context, sh *shard) (*rego.PreparedEvalQuery, error) {
	compiler, err := p.compileModules(sh)
	if err != nil {
		return nil, err
	}
	return p.prepareQuery(ctx, sh, compiler)
}

// compileModules parses (when not parsed yet) and compiles a shard's modules.
func (p *Pack) compileModules(sh *shard) (*ast.Compiler, error) {
	// Parse what is not parsed yet (modules of the built-in pack are
	// parsed here, not at start-up), on every core.
	parsed := make([]*ast.Module, len(sh.files))
	perrs := make([]error, len(sh.files))
	par.Each(len(sh.files), func(i int) {
		parsed[i], perrs[i] = p.mods[sh.files[i]].parse()
	})
	if err := errors.Join(perrs...); err != nil {
		return nil, err
	}
	mods := make(map[string]*ast.Module, len(sh.files))
	for i, f := range sh.files {
		mods[f] = parsed[i]
	}
	compiler := ast.NewCompiler().
		WithCapabilities(p.caps).
		WithEnablePrintStatements(false).
		WithDefaultRegoVersion(ast.RegoV1)
	if sh.builtin {
		// The embedded pack passed every check stage in its tests (the Rego
		// test runner compiles it with all stages): at run time skip the
		// stages that only check and change nothing, a third of start-up.
		// User policies always get the full compilation.
		compiler = compiler.WithSkipStages(ast.StageCheckTypes, ast.StageCheckUnusedImports,
			ast.StageCheckDeprecatedBuiltins, ast.StageCheckRecursion, ast.StageCheckDuplicateImports,
			ast.StageCheckKeywordOverrides, ast.StageBuildRequiredCapabilities)
	}
	compiler.Compile(mods)
	if compiler.Failed() {
		return nil, fmt.Errorf("compile rules: %w", compiler.Errors)
	}
	return compiler, nil
}

// prepareQuery prepares a shard's query: an object of package → result
// set name → array of elements.
func (p *Pack) prepareQuery(ctx context.Context, sh *shard, compiler *ast.Compiler) (*rego.PreparedEvalQuery, error) {

	var b strings.Builder
	b.WriteString(resultVar + " := {")
	for i, pkg := range sh.pkgs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(fmt.Sprintf("%q", pkg) + ": {")
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
		rego.Compiler(compiler),
		rego.Store(p.store),
		rego.Capabilities(p.caps),
		rego.StrictBuiltinErrors(true),
		rego.EnablePrintStatements(false),
	)
	pq, err := r.PrepareForEval(ctx)
	if err != nil {
		return nil, fmt.Errorf("prepare query for %s rules: %w", sh.group, err)
	}
	return &pq, nil
}
