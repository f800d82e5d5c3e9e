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
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/gatehq/gate/engine/model"
	"github.com/gatehq/gate/internal/par"
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
	// Index describes the built-in modules (rules/index.json, written by
	// BuildIndex): with it, built-in modules are parsed only when a shard
	// that needs them is compiled. An index that does not match the
	// modules exactly is ignored (everything is parsed).
	Index string
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

// Pack is a parsed rule pack: every rule's METADATA is read at once; the
// rules are compiled per shard, when a document first needs them.
type Pack struct {
	mods     map[string]*lazyModule // module path → module, parsed on first use (never mutated: compilers copy)
	builtin  map[string]bool        // module path → part of the embedded pack
	popts    ast.ParserOptions
	caps     *ast.Capabilities
	store    storage.Store
	rules    []*model.Rule          // sorted by id
	byPkg    map[string]*model.Rule // package path (without "data.") → rule
	byFile   map[string]*model.Rule // module path → rule
	shards   map[string][]*shard    // kind → query shards, evaluated in parallel
	kinds    map[string][]string    // kind → packages evaluated for it
	pkgNames map[string][]string    // package → result rules it defines
}

// Compile parses modules, reads every rule's METADATA and plans one query
// shard per rule group (a cloud provider's Terraform rules, GitHub
// settings, repository files, user policies). Shards of the built-in pack
// are compiled when a document of their kind is first evaluated (or by
// Prepare), each with only the modules it needs, so a run pays only for
// the rules it uses and the shards compile in parallel. Shards holding
// user policies are compiled here, so a broken policy is reported before
// anything is read. Errors name the file and line.
func Compile(ctx context.Context, modules []Module, opts Options) (*Pack, error) {
	caps := ast.CapabilitiesForThisVersion()
	if !opts.AllowUnsafeBuiltins {
		caps = safeCapabilities()
	}
	popts := parserOptions(caps)
	p := &Pack{
		mods:    map[string]*lazyModule{},
		builtin: map[string]bool{},
		popts:   popts,
		caps:    caps,
		byPkg:   map[string]*model.Rule{},
		byFile:  map[string]*model.Rule{},
		shards:  map[string][]*shard{},
		kinds:   map[string][]string{},
	}
	infos, err := p.read(modules, opts.Index)
	if err != nil {
		return nil, err
	}
	if err := p.load(infos); err != nil {
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

	p.planShards(infos)
	// User policies get the full compilation (every check stage) now.
	var user []*shard
	inShard := map[string]bool{}
	for _, kind := range documentKinds() {
		for _, sh := range p.shards[kind] {
			if !sh.builtin {
				user = append(user, sh)
			}
			for _, f := range sh.files {
				inShard[f] = true
			}
		}
	}
	if err := p.compileShards(ctx, user); err != nil {
		return nil, err
	}
	// A user module no shard compiles (a library no rule references, a
	// file whose rules have no result set) is still compiled, once, so
	// that its errors are reported rather than never seen.
	var lone []string
	for _, info := range infos {
		if !p.builtin[info.Path] && !inShard[info.Path] {
			lone = append(lone, info.Package)
		}
	}
	if len(lone) > 0 {
		sh := &shard{group: "user policies no rule reads", files: newDepGraph(infos).closure(lone)}
		if _, err := p.compileModules(sh); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// safeCapabilities are this OPA version's capabilities without the
// unsafe built-ins.
func safeCapabilities() *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	kept := caps.Builtins[:0:0]
	for _, b := range caps.Builtins {
		if !unsafeBuiltins[b.Name] {
			kept = append(kept, b)
		}
	}
	caps.Builtins = kept
	return caps
}

func parserOptions(caps *ast.Capabilities) ast.ParserOptions {
	return ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1, Capabilities: caps}
}

// documentKinds are the document kinds, in the order their shards are
// planned.
func documentKinds() []string {
	return []string{model.KindTerraform, model.KindGitHub, model.KindRepo}
}

// Prepare compiles the shards of the given document kinds (all kinds when
// none is given) in parallel, ahead of evaluation. Evaluation compiles
// what it needs by itself; Prepare is for measuring and for callers that
// want compile errors before reading.
func (p *Pack) Prepare(ctx context.Context, kinds ...string) error {
	if len(kinds) == 0 {
		kinds = documentKinds()
	}
	var todo []*shard
	for _, k := range kinds {
		todo = append(todo, p.shards[k]...)
	}
	return p.compileShards(ctx, todo)
}

// PrepareFor compiles the shards that a document of this kind with these
// resource types is evaluated by (Eval's choice), in parallel.
func (p *Pack) PrepareFor(ctx context.Context, kind string, types map[string]bool) error {
	return p.compileShards(ctx, p.shardsFor(kind, types))
}

// compileShards compiles shards in parallel, largest first.
func (p *Pack) compileShards(ctx context.Context, shards []*shard) error {
	shards = append([]*shard(nil), shards...)
	sort.SliceStable(shards, func(i, j int) bool { return len(shards[i].files) > len(shards[j].files) })
	errs := make([]error, len(shards))
	par.Each(len(shards), func(i int) {
		_, errs[i] = p.query(ctx, shards[i])
	})
	return errors.Join(errs...)
}
