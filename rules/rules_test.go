package rules_test

import (
	"context"
	"strings"
	"testing"

	"github.com/gatehq/gate/engine/policy"
	"github.com/gatehq/gate/rules"
)

// TestRego runs every Rego unit test of the built-in pack (the rules and
// their _test.rego files), one subtest per test file, with strict built-in
// errors. Filter with -run 'TestRego/terraform/aws'.
func TestRego(t *testing.T) {
	mods, err := policy.LoadFS(rules.FS, ".", "rules", true, true)
	if err != nil {
		t.Fatal(err)
	}
	results, err := policy.RunTests(context.Background(), mods)
	if err != nil {
		t.Fatal(err)
	}
	if len(results) == 0 {
		t.Fatal("no Rego tests found in the rule pack")
	}
	byFile := map[string][]policy.TestResult{}
	var files []string
	for _, r := range results {
		if _, ok := byFile[r.File]; !ok {
			files = append(files, r.File)
		}
		byFile[r.File] = append(byFile[r.File], r)
	}
	for _, f := range files {
		name := strings.TrimSuffix(strings.TrimPrefix(f, "rules/"), "_test.rego")
		t.Run(name, func(t *testing.T) {
			for _, r := range byFile[f] {
				if r.Err != nil || (!r.Pass && !r.Skip) {
					t.Error(r.String())
				}
			}
		})
	}
}

// TestEveryRuleHasTests fails for a rule file without a _test.rego beside it.
func TestEveryRuleHasTests(t *testing.T) {
	mods, err := policy.LoadFS(rules.FS, ".", "rules", true, true)
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, m := range mods {
		have[m.Path] = true
	}
	for _, m := range mods {
		if strings.HasSuffix(m.Path, "_test.rego") || strings.HasPrefix(m.Path, "rules/lib/") {
			continue
		}
		if !have[strings.TrimSuffix(m.Path, ".rego")+"_test.rego"] {
			t.Errorf("%s has no %s", m.Path, strings.TrimSuffix(m.Path, ".rego")+"_test.rego")
		}
	}
}
