package engine

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/gatehq/gate/engine/input/hcl"
	"github.com/gatehq/gate/engine/input/tfplan"
	"github.com/gatehq/gate/engine/model"
)

// planFromSource writes the plan JSON Terraform would show for a document
// read from source when every value known in source is known in the plan:
// known values in "after", unknown ones in "after_unknown", references in
// the configuration's expressions (nested blocks as nested expressions).
func planFromSource(doc *model.Document) ([]byte, error) {
	var changes, cfg []any
	for _, x := range doc.Input["resources"].([]any) {
		r := x.(map[string]any)
		after, unknown := splitUnknown(r["values"])
		rc := map[string]any{
			"address": r["address"], "mode": r["mode"], "type": r["type"], "name": r["name"],
			"provider_name": "registry.terraform.io/hashicorp/" + r["provider"].(string),
			"change":        map[string]any{"actions": []any{"create"}, "before": nil, "after": after, "after_unknown": unknown},
		}
		if r["index"] != nil {
			rc["index"] = r["index"]
		}
		if m := r["module"].(string); m != "" {
			rc["module_address"] = m
		}
		changes = append(changes, rc)
		if r["module"].(string) == "" && r["index"] == nil {
			exprs := map[string]any{}
			refs, _ := r["refs"].(map[string]any)
			for attr, targets := range refs {
				var list []any
				for _, t := range targets.([]any) {
					list = append(list, t, t.(string)+".id")
				}
				setExpr(exprs, strings.Split(attr, "."), map[string]any{"references": list})
			}
			cfg = append(cfg, map[string]any{"address": r["config_address"], "mode": r["mode"], "type": r["type"], "name": r["name"], "expressions": exprs})
		}
	}
	return json.Marshal(map[string]any{
		"format_version": "1.2", "terraform_version": "1.9.8",
		"resource_changes": changes,
		"configuration":    map[string]any{"root_module": map[string]any{"resources": cfg}},
	})
}

// setExpr places an expression at a dotted path: nested blocks are arrays
// of expression maps, as in plan JSON.
func setExpr(m map[string]any, path []string, e map[string]any) {
	if len(path) == 1 {
		m[path[0]] = e
		return
	}
	blocks, _ := m[path[0]].([]any)
	if len(blocks) == 0 {
		blocks = []any{map[string]any{}}
		m[path[0]] = blocks
	}
	setExpr(blocks[0].(map[string]any), path[1:], e)
}

// splitUnknown separates known values from the unknown marker.
func splitUnknown(v any) (any, any) {
	switch x := v.(type) {
	case string:
		if x == model.Unknown {
			return nil, true
		}
		return x, false
	case map[string]any:
		known, unk := map[string]any{}, map[string]any{}
		for k, e := range x {
			kv, u := splitUnknown(e)
			if u == true {
				unk[k] = true
				continue
			}
			known[k] = kv
			if u != false && u != nil {
				unk[k] = u
			}
		}
		return known, unk
	case []any:
		known, unk := make([]any, len(x)), make([]any, len(x))
		for i, e := range x {
			known[i], unk[i] = splitUnknown(e)
			if unk[i] == nil {
				unk[i] = false
			}
		}
		return known, unk
	}
	return v, false
}

// TestRuleFixturesThroughPlanReader: each rule's .tf fixtures, turned into
// plan JSON and read by the plan reader, give the same verdicts as read from
// source: one rule serves both sources.
func TestRuleFixturesThroughPlanReader(t *testing.T) {
	ctx := context.Background()
	eng, err := New(ctx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range eng.Pack().RulesFor(model.KindTerraform) {
		if !contains(r.Sources, "plan") || !contains(r.Sources, "hcl") {
			continue
		}
		t.Run(r.ID, func(t *testing.T) {
			for _, name := range []string{"fail.tf", "pass.tf"} {
				b, err := os.ReadFile(filepath.Join("../fixtures/terraform/rules", r.ID, name))
				if err != nil {
					t.Fatal(err)
				}
				tmp := t.TempDir()
				if err := os.WriteFile(filepath.Join(tmp, "main.tf"), b, 0o644); err != nil {
					t.Fatal(err)
				}
				src, ierrs := hcl.ReadDir(ctx, tmp, hcl.Options{Root: tmp})
				if len(ierrs) > 0 {
					t.Fatal(ierrs)
				}
				pj, err := planFromSource(src)
				if err != nil {
					t.Fatal(err)
				}
				plan, ierr := tfplan.Parse(ctx, "plan.json", pj)
				if ierr != nil {
					t.Fatal(ierr)
				}
				fromSrc, fromPlan := flaggedBy(t, eng, src, r.ID), flaggedBy(t, eng, plan, r.ID)
				if strings.Join(fromSrc, ",") != strings.Join(fromPlan, ",") {
					t.Errorf("%s: source flags %v, plan flags %v", name, fromSrc, fromPlan)
				}
			}
		})
	}
}

func flaggedBy(t *testing.T, eng *Engine, doc *model.Document, id string) []string {
	t.Helper()
	in, err := InputValue(doc)
	if err != nil {
		t.Fatal(err)
	}
	results, err := eng.Pack().Eval(context.Background(), doc.Kind, in)
	if err != nil {
		t.Fatal(err)
	}
	set := map[string]bool{}
	for _, res := range results {
		if res.Rule.ID == id && res.Set == "deny" {
			if m, ok := res.Value.(map[string]any); ok {
				set[m["resource"].(string)] = true
			}
		}
	}
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
