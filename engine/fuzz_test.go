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
	"github.com/gatehq/gate/rules"
)

// FuzzInputValue reads arbitrary bytes as a one-file Terraform module and,
// when they make a document, builds the rules' input: it must not panic,
// and the indexes built in Go (input._index) must equal what gate.lib's
// Rego fallbacks compute from input.resources alone, the joins included.
func FuzzInputValue(f *testing.F) {
	seeds := []string{"testdata/joins/main.tf"}
	aws, _ := filepath.Glob("../fixtures/terraform/rules/GATE-AWS-*/*.tf")
	seeds = append(seeds, aws...)
	for _, p := range seeds {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	ctx := context.Background()
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
		f.Fatal(err)
	}
	pq, err := rego.New(append(opts,
		rego.Query(`x := [aws.by_address, aws.managed_by_type, aws.by_identity, aws.address_kinds, aws.links, aws.literal_links, aws.floating, aws.literal_only]`),
		rego.Imports([]string{"data.gate.lib.aws"}),
	)...).PrepareForEval(ctx)
	if err != nil {
		f.Fatal(err)
	}
	eval := func(t *testing.T, v ast.Value) ast.Value {
		rs, err := pq.Eval(ctx, rego.EvalParsedInput(v))
		if err != nil || len(rs) != 1 {
			t.Fatalf("eval: %v %v", rs, err)
		}
		out, err := ast.InterfaceToValue(rs[0].Bindings["x"])
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "main.tf"), src, 0o644); err != nil {
			t.Fatal(err)
		}
		doc, _ := hcl.ReadDir(ctx, dir, hcl.Options{Root: dir})
		if doc == nil {
			return
		}
		withIndex, err := InputValue(doc)
		if err != nil {
			t.Fatalf("InputValue: %v", err)
		}
		obj, ok := withIndex.(ast.Object)
		if !ok {
			return // not a Terraform document with resources
		}
		without := ast.NewObject()
		obj.Foreach(func(k, v *ast.Term) {
			if !k.Equal(ast.StringTerm(IndexKey)) {
				without.Insert(k, v)
			}
		})
		if got, want := eval(t, withIndex), eval(t, without); got.Compare(want) != 0 {
			t.Fatalf("Go index differs from the Rego fallback\nGo:   %v\nRego: %v", got, want)
		}
	})
}
