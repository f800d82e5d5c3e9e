package policy

import (
	"context"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/gatehq/gate/engine/input/hcl"
	"github.com/gatehq/gate/engine/input/tfplan"
	"github.com/gatehq/gate/engine/model"
	"github.com/gatehq/gate/rules"
)

// builtinRule is a built-in rule module with complete METADATA.
func builtinRule(pkg, id, types, body string) Module {
	text := fmt.Sprintf(`# METADATA
# title: %[2]s
# description: test rule
# custom:
#   id: %[2]s
#   severity: high
#   remediation: fix it
#   resource_types: [%[3]s]
#   controls:
#     soc2: [CC6.1]
package %[1]s

import rego.v1

%[4]s
`, pkg, id, types, body)
	return Module{Path: "rules/" + strings.ReplaceAll(pkg, ".", "/") + ".rego", Text: text, Builtin: true}
}

func lib(pkg, body string) Module {
	return Module{Path: "rules/" + strings.ReplaceAll(pkg, ".", "/") + ".rego",
		Text: "package " + pkg + "\n\nimport rego.v1\n\n" + body + "\n", Builtin: true}
}

// TestSplitShards: a group of more than maxShard packages is split in
// interleaved shards, each compiling what its own packages reference.
func TestSplitShards(t *testing.T) {
	mods := []Module{lib("gate.lib.a", `f(x) := x`)}
	for i := 0; i < maxShard+5; i++ {
		body := "deny contains 1 if false"
		if i == 0 {
			body = "deny contains 1 if data.gate.lib.a.f(1) == 2"
		}
		mods = append(mods, builtinRule(fmt.Sprintf("gate.rules.repo.r%02d", i), fmt.Sprintf("T-%02d", i), "", body))
	}
	p, err := Compile(context.Background(), mods, Options{})
	if err != nil {
		t.Fatal(err)
	}
	shards := p.shards[model.KindRepo]
	if len(shards) != 2 || shards[0].group != "repo#1" || shards[1].group != "repo#2" {
		t.Fatalf("shards %v, want repo#1 and repo#2", shards)
	}
	n := len(shards[0].pkgs) + len(shards[1].pkgs)
	if n != maxShard+5 || len(shards[0].pkgs)-len(shards[1].pkgs) > 1 {
		t.Errorf("split %d + %d packages", len(shards[0].pkgs), len(shards[1].pkgs))
	}
	if !slices.Contains(shards[0].files, "rules/gate/lib/a.rego") || slices.Contains(shards[1].files, "rules/gate/lib/a.rego") {
		t.Errorf("only the shard holding r00 compiles the library: %v / %v", shards[0].files, shards[1].files)
	}
}

// TestPlanShards checks the grouping of rules into shards and the modules
// each shard compiles: a shard lacking a module its rules read would leave
// those rules undefined, and undefined rules do not fire.
func TestPlanShards(t *testing.T) {
	libs := []Module{
		lib("gate.lib.a", `f(x) := x`),
		lib("gate.lib.b", "import data.gate.lib.c\n\ng(x) := c.h(x)"),
		lib("gate.lib.c", `h(x) := x`),
		lib("gate.lib.unused", `u := 1`),
	}
	tests := []struct {
		name   string
		mods   []Module
		want   map[string][]string // shard group → files (basenames without .rego)
		absent []string            // groups that must not exist
	}{
		{
			name: "import pulls in the library and what it imports",
			mods: []Module{builtinRule("gate.rules.terraform.aws.x", "T-1", "aws_s3_bucket",
				"import data.gate.lib.b\n\ndeny contains 1 if b.g(1) == 1")},
			want: map[string][]string{"terraform/aws": {"b", "c", "x"}},
		},
		{
			name: "a direct data reference without import",
			mods: []Module{builtinRule("gate.rules.terraform.azure.y", "T-2", "azurerm_key_vault",
				"deny contains 1 if data.gate.lib.a.f(1) == 1")},
			want: map[string][]string{"terraform/azure": {"a", "y"}},
		},
		{
			name: "a reference to a parent package pulls in every package below it",
			mods: []Module{builtinRule("gate.rules.github.z", "T-3", "",
				"import data.gate.lib\n\ndeny contains 1 if lib.a.f(1) == 1")},
			want: map[string][]string{"github": {"a", "b", "c", "unused", "z"}},
		},
		{
			name: "a dynamic data reference pulls in every module",
			mods: []Module{
				builtinRule("gate.rules.repo.w", "T-4", "", "deny contains 1 if {\n\tsome k\n\tdata[k]\n}"),
				builtinRule("gate.rules.github.v", "T-5", "", "deny contains 1 if false"),
			},
			want: map[string][]string{"repo": {"a", "b", "c", "unused", "v", "w"}, "github": {"v"}},
		},
		{
			name: "user policies form their own shard for every kind they apply to",
			mods: []Module{
				builtinRule("gate.rules.terraform.aws.x", "T-1", "aws_s3_bucket", "deny contains 1 if false"),
				{Path: "policy/p.rego", Text: "package user.p\n\nimport rego.v1\nimport data.gate.lib.a\n\ndeny contains 1 if a.f(1) == 2\n"},
			},
			want: map[string][]string{
				"terraform/aws": {"x"}, "terraform/user": {"a", "p"},
				"github/user": {"a", "p"}, "repo/user": {"a", "p"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Compile(context.Background(), append(append([]Module(nil), libs...), tt.mods...), Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string][]string{}
			for _, kind := range documentKinds() {
				for _, sh := range p.shards[kind] {
					var files []string
					for _, f := range sh.files {
						files = append(files, strings.TrimSuffix(filepath.Base(f), ".rego"))
					}
					sort.Strings(files)
					got[sh.group] = files
				}
			}
			for g, want := range tt.want {
				if !slices.Equal(got[g], want) {
					t.Errorf("shard %s compiles %v, want %v", g, got[g], want)
				}
			}
			if len(got) != len(tt.want) {
				t.Errorf("shards %v, want exactly %v", got, tt.want)
			}
		})
	}
}

// builtinPack loads the embedded pack's modules and plans it (nothing
// compiled yet).
func builtinPack(t *testing.T) ([]Module, *Pack) {
	t.Helper()
	mods, err := LoadFS(rules.FS, ".", "rules", true, false)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Compile(context.Background(), mods, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return mods, p
}

// TestShardsCompileLazily: built-in shards compile when a document first
// needs them, and only those; a broken user policy fails Compile itself.
func TestShardsCompileLazily(t *testing.T) {
	ctx := context.Background()
	mods, p := builtinPack(t)
	compiled := func() []string {
		var out []string
		for _, kind := range documentKinds() {
			for _, sh := range p.shards[kind] {
				if sh.q != nil {
					out = append(out, sh.group)
				}
			}
		}
		return out
	}
	if c := compiled(); len(c) != 0 {
		t.Fatalf("compiled before any evaluation: %v", c)
	}
	in := ast.MustParseTerm(`{"resources": [{"address": "aws_kms_key.k", "config_address": "aws_kms_key.k",
		"mode": "managed", "type": "aws_kms_key", "name": "k", "values": {"enable_key_rotation": false}}]}`).Value
	res, err := p.Eval(ctx, model.KindTerraform, in)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(res, func(r Result) bool { return r.Rule.ID == "GATE-AWS-KMS-001" }) {
		t.Errorf("GATE-AWS-KMS-001 did not fire: %v", res)
	}
	all := 0
	for _, kind := range documentKinds() {
		all += len(p.shards[kind])
	}
	if c := compiled(); len(c) == 0 || slices.ContainsFunc(c, func(g string) bool { return !strings.HasPrefix(g, "terraform/aws") }) {
		t.Errorf("compiled %v, want only the AWS shards", c)
	}
	if err := p.Prepare(ctx); err != nil {
		t.Fatal(err)
	}
	if c := compiled(); len(c) != all || all < 5 {
		t.Errorf("after Prepare compiled %v, want all %d shards", c, all)
	}

	for _, bad := range []Module{
		{Path: "policy/bad.rego", Text: "package user.bad\n\nimport rego.v1\n\ndeny contains x if x := undefined_fn(1)\n"},
		// A library no rule references, and a file without result sets:
		// no shard needs them, they are compiled all the same.
		{Path: "policy/lib.rego", Text: "package user.lib\n\nimport rego.v1\n\nhelper(x) := y if y := undefined_fn(x)\n"},
		{Path: "policy/typo.rego", Text: "package user.typo\n\nimport rego.v1\n\ndney contains x if x := input.nope[_]; count(x, 2)\n"},
	} {
		_, err := Compile(ctx, append(slices.Clone(mods), bad), Options{})
		if err == nil || !strings.Contains(err.Error(), bad.Path+":5") {
			t.Errorf("broken user policy %s: err = %v, want an error naming %s:5", bad.Path, err, bad.Path)
		}
	}
}

// silentWithout evaluates every Terraform provider shard of p on each
// document with that provider's resources removed, and lists what fired:
// the engine skips a provider's shard for documents without its
// resources, which is only sound when this list is empty.
func silentWithout(t *testing.T, p *Pack, docs map[string]map[string]any) []string {
	t.Helper()
	ctx := context.Background()
	var fired []string
	names := make([]string, 0, len(docs))
	for n := range docs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, sh := range p.shards[model.KindTerraform] {
		if len(sh.providers) == 0 {
			continue
		}
		for _, name := range names {
			doc := docs[name]
			stripped := map[string]any{}
			for k, v := range doc {
				stripped[k] = v
			}
			var kept []any
			rs, _ := doc["resources"].([]any)
			for _, r := range rs {
				typ, _ := r.(map[string]any)["type"].(string)
				if !slices.ContainsFunc(sh.providers, func(pre string) bool { return strings.HasPrefix(typ, pre) }) {
					kept = append(kept, r)
				}
			}
			stripped["resources"] = kept
			in, err := ast.InterfaceToValue(stripped)
			if err != nil {
				t.Fatal(err)
			}
			top, err := p.evalShard(ctx, model.KindTerraform, sh, in)
			if err != nil {
				t.Fatalf("%s on %s: %v", sh.group, name, err)
			}
			for pkg, sets := range top {
				for set, elems := range sets.(map[string]any) {
					if n := len(elems.([]any)); n > 0 {
						fired = append(fired, fmt.Sprintf("%s: %s %s fired %d× without %v resources", name, pkg, set, n, sh.providers))
					}
				}
			}
		}
	}
	return fired
}

// terraformDocs reads the rule fixtures, the corpus plans and the corpus
// Terraform samples: documents mixing providers, in both sources.
func terraformDocs(t *testing.T) map[string]map[string]any {
	t.Helper()
	ctx := context.Background()
	docs := map[string]map[string]any{}
	dirs := map[string]bool{}
	for _, root := range []string{"../../fixtures/terraform", "../../fixtures/corpus/hcl", "../../fixtures/example"} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".tf") {
				dirs[filepath.Dir(path)] = true
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for dir := range dirs {
		doc, _ := hcl.ReadDir(ctx, dir, hcl.Options{Root: dir})
		if doc != nil {
			docs[dir] = doc.Input
		}
	}
	plans, _ := filepath.Glob("../../fixtures/corpus/tfplan/*/*.json")
	plans = append(plans, "../../fixtures/example/plan.json")
	for _, f := range plans {
		doc, ierr := tfplan.ReadFile(ctx, f, tfplan.Options{})
		if ierr == nil && doc != nil {
			docs[f] = doc.Input
		}
	}
	if len(docs) < 150 {
		t.Fatalf("read %d Terraform documents, want the fixtures and corpus (150+)", len(docs))
	}
	return docs
}

// TestProviderShards: no built-in rule of a provider fires on a document
// without that provider's resources (so skipping its shard loses nothing),
// checked on every fixture and corpus document; and the check itself
// catches a rule that fires on the absence of a resource.
func TestProviderShards(t *testing.T) {
	ctx := context.Background()
	docs := terraformDocs(t)
	mods, p := builtinPack(t)
	providers := map[string]bool{}
	for _, sh := range p.shards[model.KindTerraform] {
		for _, pre := range sh.providers {
			providers[pre] = true
		}
	}
	if len(providers) != 3 {
		t.Fatalf("provider shards for %v, want aws_, azurerm_, google_", providers)
	}
	for _, f := range silentWithout(t, p, docs) {
		t.Error(f)
	}

	absence := builtinRule("gate.rules.terraform.aws.no_trail", "T-ABSENT", "aws_cloudtrail",
		"import data.gate.lib.terraform as tf\n\ndeny contains \"no trail\" if count(tf.resources(\"aws_cloudtrail\")) == 0")
	p, err := Compile(ctx, append(mods, absence), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if fired := silentWithout(t, p, docs); !slices.ContainsFunc(fired, func(s string) bool {
		return strings.Contains(s, "gate.rules.terraform.aws.no_trail")
	}) {
		t.Errorf("a rule firing on an absent resource was not caught: %v", fired)
	}
}
