package engine

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	ghsettings "github.com/gatehq/gate/engine/input/github"
	"github.com/gatehq/gate/engine/input/repo"
	"github.com/gatehq/gate/engine/model"
)

// verdictsOf evaluates one document and returns the rule ids with a deny.
func denied(t *testing.T, eng *Engine, doc *model.Document) map[string]bool {
	t.Helper()
	in, err := ast.InterfaceToValue(doc.Input)
	if err != nil {
		t.Fatal(err)
	}
	results, err := eng.Pack().Eval(context.Background(), doc.Kind, in)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, r := range results {
		if r.Set == "deny" || r.Set == "violation" {
			out[r.Rule.ID] = true
		}
	}
	return out
}

// TestGitHubRuleFixtures: every GitHub rule fails on at least one recorded
// snapshot in fixtures/github/snapshots and passes on at least one. The
// opt-in rules (signed commits, linear history) are switched on.
func TestGitHubRuleFixtures(t *testing.T) {
	ctx := context.Background()
	eng, err := New(ctx, Options{Params: map[string]map[string]any{
		"GATE-GH-015": {"required": true},
		"GATE-GH-016": {"required": true},
	}})
	if err != nil {
		t.Fatal(err)
	}
	dirs, _ := filepath.Glob("../fixtures/github/snapshots/*")
	if len(dirs) == 0 {
		t.Fatal("no snapshots")
	}
	failing, passing := map[string][]string{}, map[string][]string{}
	for _, d := range dirs {
		doc, err := ghsettings.ReadSnapshot(ctx, d, "")
		if err != nil {
			t.Fatalf("%s: %v", d, err)
		}
		den := denied(t, eng, doc)
		for _, r := range eng.Pack().RulesFor(model.KindGitHub) {
			if den[r.ID] {
				failing[r.ID] = append(failing[r.ID], filepath.Base(d))
			} else {
				passing[r.ID] = append(passing[r.ID], filepath.Base(d))
			}
		}
	}
	for _, r := range eng.Pack().RulesFor(model.KindGitHub) {
		if len(failing[r.ID]) == 0 || len(passing[r.ID]) == 0 {
			t.Errorf("%s: fails on %v, passes on %v: want at least one of each", r.ID, failing[r.ID], passing[r.ID])
		}
	}
}

// TestRepoRuleFixtures: every repository rule fails on fixtures/repo/bad
// or fixtures/repo/missing (no governance files at all) and passes on
// fixtures/repo/good.
func TestRepoRuleFixtures(t *testing.T) {
	ctx := context.Background()
	eng, err := New(ctx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	event := filepath.Join(t.TempDir(), "event.json")
	if err := os.WriteFile(event, []byte(`{"repository":{"private":false,"visibility":"public"}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	env := func(k string) (string, bool) {
		if k == "GITHUB_EVENT_PATH" {
			return event, true
		}
		return "", false
	}
	read := func(dir string) map[string]bool {
		doc, errs := repo.Read(ctx, repo.Options{Root: dir, LookupEnv: env})
		if doc == nil {
			t.Fatalf("%s: %v", dir, errs)
		}
		return denied(t, eng, doc)
	}
	bad := read("../fixtures/repo/bad")
	for id := range read("../fixtures/repo/missing") {
		bad[id] = true
	}
	good := read("../fixtures/repo/good")
	for _, r := range eng.Pack().RulesFor(model.KindRepo) {
		if !bad[r.ID] {
			t.Errorf("%s fails neither on fixtures/repo/bad nor on fixtures/repo/missing", r.ID)
		}
		if good[r.ID] {
			t.Errorf("%s fails on fixtures/repo/good", r.ID)
		}
	}
}
