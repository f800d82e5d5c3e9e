package engine

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestStart: reading while compiling (Start, as gate check runs) gives
// the result of the plain sequence New, ReadInputs, Evaluate; and what
// fails in either half fails Start. Run with -race in CI (go test -race
// ./engine/ -run TestStart).
func TestStart(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	badPolicy := t.TempDir()
	if err := os.WriteFile(filepath.Join(badPolicy, "bad.rego"), []byte("package user.bad\n\ndeny contains x if x := nope(1)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		opts    Options
		wantErr string
	}{
		{name: "plan and source (AWS)", opts: Options{Root: "../fixtures/example", Paths: []string{"../fixtures/example"}}},
		{name: "three providers, rule fixtures", opts: Options{Root: "../fixtures/terraform/rules", Paths: []string{
			"../fixtures/terraform/rules/GATE-AWS-KMS-001", "../fixtures/terraform/rules/GATE-AZ-KV-001",
			"../fixtures/terraform/rules/GATE-GCP-KMS-001"}}},
		{name: "repository files", opts: Options{Root: "../fixtures/repo/bad", Paths: []string{"../fixtures/repo/bad"}}},
		{name: "an unreadable input beside a readable one", opts: Options{Root: "../fixtures/example",
			Paths: []string{"../fixtures/example", "../fixtures/example/no-such-dir"}}},
		{name: "broken user policy", opts: Options{Root: "../fixtures/example", Paths: []string{"../fixtures/example"},
			Policies: []string{badPolicy}}, wantErr: "bad.rego"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opts.Now = now
			eng, in, err := Start(ctx, tt.opts)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Start: err = %v, want one naming %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			// Converted documents keep only what the engine reads after
			// conversion; the rules have their own copy.
			for _, d := range in.docs {
				rs, _ := d.Input["resources"].([]any)
				for _, r := range rs {
					for k := range r.(map[string]any) {
						if !slices.Contains(keptKeys(), k) {
							t.Fatalf("%s: resource keeps %q after conversion", d.Path, k)
						}
					}
				}
			}
			got, err := eng.Evaluate(ctx, in, tt.opts)
			if err != nil {
				t.Fatal(err)
			}

			eng2, err := New(ctx, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			in2, err := ReadInputs(ctx, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			want, err := eng2.Evaluate(ctx, in2, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(want.Documents) == 0 || len(want.Findings) == 0 {
				t.Fatalf("documents %d, findings %d: the case reads nothing", len(want.Documents), len(want.Findings))
			}
			g, _ := json.Marshal(got)
			w, _ := json.Marshal(want)
			if string(g) != string(w) {
				t.Errorf("Start then Evaluate differs from New, ReadInputs, Evaluate:\n%s\n%s", g, w)
			}
		})
	}
}
