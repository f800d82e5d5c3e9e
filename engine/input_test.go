package engine

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/gatehq/gate/engine/input/hcl"
	"github.com/gatehq/gate/engine/input/tfplan"
	"github.com/gatehq/gate/engine/model"
	"github.com/gatehq/gate/internal/synth"
	"github.com/gatehq/gate/rules"
)

// TestGoIndexMatchesRego checks that the indexes InputValue builds in Go
// (input._index) are what gate.lib's Rego fallbacks compute from
// input.resources alone: rules get the same answers with and without them.
func TestGoIndexMatchesRego(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	planPath := filepath.Join(dir, "plan.json")
	if err := synth.WritePlanFile(planPath, synth.Options{Resources: 1500, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	srcDir := filepath.Join(dir, "src")
	if err := synth.WriteDir(srcDir, synth.Options{Resources: 300, Seed: 7, Modules: 2, Files: 10}); err != nil {
		t.Fatal(err)
	}

	type doc struct {
		name string
		d    *model.Document
	}
	var docs []doc
	readPlan := func(p string) {
		d, ierr := tfplan.ReadFile(ctx, p, tfplan.Options{})
		if ierr != nil {
			t.Fatalf("%s: %v", p, ierr)
		}
		docs = append(docs, doc{p, d})
	}
	readDir := func(p string) {
		d, ierrs := hcl.ReadDir(ctx, p, hcl.Options{})
		if len(ierrs) > 0 || d == nil {
			t.Fatalf("%s: %v", p, ierrs)
		}
		docs = append(docs, doc{p, d})
	}
	readPlan(planPath)
	readDir(srcDir)
	readDir("testdata/joins")
	// Real plans from the corpus and the join fixtures of the rule pack.
	plans, _ := filepath.Glob("../fixtures/corpus/tfplan/*/*.json")
	for _, p := range plans {
		if d, ierr := tfplan.ReadFile(ctx, p, tfplan.Options{}); ierr == nil {
			docs = append(docs, doc{p, d})
		}
	}
	// Every AWS rule's fixtures: the joins' relations (S3 configuration,
	// flow logs, security group rules) with references, literals,
	// intermediates and unknowns.
	ids, err := filepath.Glob("../fixtures/terraform/rules/GATE-AWS-*")
	if err != nil || len(ids) < 50 {
		t.Fatalf("AWS rule fixtures: %d, %v", len(ids), err)
	}
	for _, p := range ids {
		id := filepath.Base(p)
		if _, err := os.Stat(p); err == nil {
			for _, name := range []string{"fail.tf", "pass.tf"} {
				sub := filepath.Join(t.TempDir(), id)
				if err := os.MkdirAll(sub, 0o755); err != nil {
					t.Fatal(err)
				}
				b, err := os.ReadFile(filepath.Join(p, name))
				if err != nil {
					continue
				}
				if err := os.WriteFile(filepath.Join(sub, "main.tf"), b, 0o644); err != nil {
					t.Fatal(err)
				}
				readDir(sub)
			}
		}
	}
	if len(docs) < 4 {
		t.Fatalf("only %d documents to compare", len(docs))
	}

	indexes := newIndexCheck(t)
	joins, links := 0, map[int]int{}
	for _, tc := range docs {
		t.Run(filepath.Base(tc.name), func(t *testing.T) {
			withIndex, err := InputValue(tc.d)
			if err != nil {
				t.Fatal(err)
			}
			if withIndex.(ast.Object).Get(ast.StringTerm(IndexKey)) == nil {
				t.Fatal("InputValue built no index")
			}
			got, want := indexes.compare(t, withIndex)
			if got.Compare(want) != 0 {
				t.Errorf("Go index differs from the Rego fallback\nGo:   %v\nRego: %v", got, want)
			}
			if ids, ok := want.(*ast.Array).Elem(2).Value.(ast.Object); ok && ids.Len() > 0 {
				joins++
			}
			for k := 5; k <= 8; k++ {
				if ix, ok := want.(*ast.Array).Elem(k).Value.(ast.Object); ok && ix.Len() > 0 {
					links[k]++
				}
			}
		})
	}
	if joins == 0 {
		t.Error("no document had resources with identities: the comparison proves little")
	}
	for k, name := range map[int]string{5: "links", 6: "literal_links", 7: "floating", 8: "literal_only"} {
		if links[k] < 2 {
			t.Errorf("only %d documents with a non-empty %s: the comparison proves little", links[k], name)
		}
	}
}

// indexCheck evaluates gate.lib's indexes on a rules' input, as given
// (with the engine's input._index) and without _index (the Rego
// fallbacks), for TestGoIndexMatchesRego and FuzzInputValue.
type indexCheck struct {
	pq rego.PreparedEvalQuery
}

// The query's elements, by position: by_address, managed_by_type,
// by_identity, address_kinds, tf.resources of every type, links,
// literal_links, floating, literal_only.
const indexQuery = `x := [aws.by_address, aws.managed_by_type, aws.by_identity, aws.address_kinds,
	[tf.resources(t) | some t in {r.type | some r in input.resources}],
	aws.links, aws.literal_links, aws.floating, aws.literal_only]`

func newIndexCheck(tb testing.TB) *indexCheck {
	tb.Helper()
	var opts []func(*rego.Rego)
	err := fs.WalkDir(rules.FS, "lib", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".rego") || strings.HasSuffix(p, "_test.rego") {
			return err
		}
		b, err := fs.ReadFile(rules.FS, p)
		if err != nil {
			return err
		}
		opts = append(opts, rego.Module(p, string(b)))
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	pq, err := rego.New(append(opts,
		rego.Query(indexQuery),
		rego.Imports([]string{"data.gate.lib.aws", "data.gate.lib.terraform as tf"}),
	)...).PrepareForEval(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	return &indexCheck{pq: pq}
}

func (c *indexCheck) eval(tb testing.TB, v ast.Value) ast.Value {
	tb.Helper()
	rs, err := c.pq.Eval(context.Background(), rego.EvalParsedInput(v))
	if err != nil || len(rs) != 1 {
		tb.Fatalf("evaluate the indexes: %d results, %v", len(rs), err)
	}
	out, err := ast.InterfaceToValue(rs[0].Bindings["x"])
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// compare returns the indexes as rules see them with the engine's
// input._index (got) and as the Rego fallbacks build them (want).
func (c *indexCheck) compare(tb testing.TB, withIndex ast.Value) (got, want ast.Value) {
	tb.Helper()
	without := ast.NewObject()
	withIndex.(ast.Object).Foreach(func(k, v *ast.Term) {
		if !k.Equal(ast.StringTerm(IndexKey)) {
			without.Insert(k, v)
		}
	})
	return c.eval(tb, withIndex), c.eval(tb, without)
}

// TestJoinKindsMatchRego: the Go copy of gate.lib.aws.join_kinds (and of
// parent_kind) is the Rego one.
func TestJoinKindsMatchRego(t *testing.T) {
	ctx := context.Background()
	b, err := fs.ReadFile(rules.FS, "lib/aws.rego")
	if err != nil {
		t.Fatal(err)
	}
	tb, err := fs.ReadFile(rules.FS, "lib/terraform.rego")
	if err != nil {
		t.Fatal(err)
	}
	rs, err := rego.New(rego.Module("aws.rego", string(b)), rego.Module("terraform.rego", string(tb)),
		rego.Query(`x := data.gate.lib.aws.join_kinds; y := {t: data.gate.lib.aws.parent_kind(t) | some t in ["aws_default_vpc", "aws_default_security_group", "aws_vpc", "aws_s3_bucket"]}`),
	).Eval(ctx)
	if err != nil || len(rs) != 1 {
		t.Fatalf("%v %v", rs, err)
	}
	want, err := ast.InterfaceToValue(rs[0].Bindings["x"])
	if err != nil {
		t.Fatal(err)
	}
	got, err := ast.InterfaceToValue(joinKinds())
	if err != nil {
		t.Fatal(err)
	}
	if got.Compare(want) != 0 {
		t.Errorf("engine/joins.go joinKinds differs from rules/lib/aws.rego join_kinds:\nGo:   %v\nRego: %v", got, want)
	}
	for typ, kind := range rs[0].Bindings["y"].(map[string]any) {
		if parentKind(typ) != kind {
			t.Errorf("parentKind(%s) = %s, Rego says %s", typ, parentKind(typ), kind)
		}
	}
}
