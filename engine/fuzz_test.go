package engine

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/gatehq/gate/engine/input/hcl"
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
	indexes := newIndexCheck(f)
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
		if _, ok := withIndex.(ast.Object); !ok {
			return
		}
		if got, want := indexes.compare(t, withIndex); got.Compare(want) != 0 {
			t.Fatalf("Go index differs from the Rego fallback\nGo:   %v\nRego: %v", got, want)
		}
	})
}
