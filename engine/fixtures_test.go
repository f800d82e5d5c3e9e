package engine

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/gatehq/gate/engine/input/hcl"
	"github.com/gatehq/gate/engine/input/tfplan"
	"github.com/gatehq/gate/engine/model"
)

// TestRuleFixtures runs every Terraform rule against its fixtures,
// fixtures/terraform/rules/<RULE-ID>/{fail,pass}.tf, read by the HCL reader:
// in fail.tf every managed resource named fail* is flagged by the rule and
// nothing else is; in pass.tf nothing is flagged by the rule. Every
// Terraform rule of the pack must have both files.
func TestRuleFixtures(t *testing.T) {
	ctx := context.Background()
	eng, err := New(ctx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	const dir = "../fixtures/terraform/rules"
	for _, r := range eng.Pack().RulesFor(model.KindTerraform) {
		t.Run(r.ID, func(t *testing.T) {
			for _, name := range []string{"fail.tf", "pass.tf"} {
				src := filepath.Join(dir, r.ID, name)
				b, err := os.ReadFile(src)
				if err != nil {
					t.Fatalf("missing fixture: %v", err)
				}
				tmp := t.TempDir()
				if err := os.WriteFile(filepath.Join(tmp, "main.tf"), b, 0o644); err != nil {
					t.Fatal(err)
				}
				doc, ierrs := hcl.ReadDir(ctx, tmp, hcl.Options{Root: tmp})
				if len(ierrs) > 0 || doc == nil {
					t.Fatalf("%s: %v", src, ierrs)
				}
				in, err := ast.InterfaceToValue(doc.Input)
				if err != nil {
					t.Fatal(err)
				}
				results, err := eng.Pack().Eval(ctx, model.KindTerraform, in)
				if err != nil {
					t.Fatalf("%s: %v", src, err)
				}
				flagged := map[string]bool{}
				for _, res := range results {
					if res.Rule.ID != r.ID || res.Set == "unknown" {
						continue
					}
					if m, ok := res.Value.(map[string]any); ok {
						if s, ok := m["resource"].(string); ok {
							flagged[tfplan.ConfigAddress(s)] = true
						}
					}
				}
				want := map[string]bool{}
				if name == "fail.tf" {
					for _, x := range doc.Input["resources"].([]any) {
						m := x.(map[string]any)
						if m["mode"] == "managed" && strings.HasPrefix(m["name"].(string), "fail") {
							want[m["config_address"].(string)] = true
						}
					}
					if len(want) == 0 {
						t.Errorf("%s has no resource named fail*", src)
					}
				}
				if got, exp := keys(flagged), keys(want); strings.Join(got, ",") != strings.Join(exp, ",") {
					t.Errorf("%s: flagged %v, want %v", src, got, exp)
				}
			}
		})
	}
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
