package repo

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/gatehq/gate/engine/model"
)

func seedFiles(f *testing.F, globs ...string) {
	for _, g := range globs {
		files, _ := filepath.Glob(g)
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil && len(b) < 64<<10 {
				f.Add(b)
			}
		}
	}
}

// FuzzDecodeYAML: the workflow/dependabot YAML decoder never panics, and
// what it returns is JSON-shaped (what OPA takes) with positions.
func FuzzDecodeYAML(f *testing.F) {
	seedFiles(f, "../../../fixtures/repo/*/.github/workflows/*.yml", "../../../fixtures/repo/corpus/*/*/*.yml",
		"../../../fixtures/repo/*/.github/dependabot.yml", "../../../fixtures/repo/badinput/*")
	f.Add([]byte("a: &x [*x]\n"))
	f.Add([]byte("on: push\njobs:\n  a: {runs-on: x, steps: [{run: echo}]}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		pos := model.Positions{}
		v, err := decodeYAML("f.yml", data, pos)
		if err != nil {
			return
		}
		if _, err := json.Marshal(v); err != nil {
			t.Fatalf("decoded value is not JSON-shaped: %v", err)
		}
	})
}

// FuzzCodeowners: the CODEOWNERS parser never panics, and every error and
// rule names a line inside the file.
func FuzzCodeowners(f *testing.F) {
	seedFiles(f, "../../../fixtures/repo/*/CODEOWNERS", "../../../fixtures/repo/*/.github/CODEOWNERS", "../../../fixtures/repo/corpus/codeowners/*")
	f.Add([]byte("* @a\n/docs/ @b @c\n[Section]\n!x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rules, errs := parseCodeowners(string(data))
		lines := 1
		for _, c := range data {
			if c == '\n' {
				lines++
			}
		}
		for _, r := range rules {
			if r.Line < 1 || r.Line > lines {
				t.Fatalf("rule at line %d of a %d-line file", r.Line, lines)
			}
		}
		for _, e := range errs {
			if e.Line < 1 || e.Line > lines {
				t.Fatalf("error at line %d of a %d-line file", e.Line, lines)
			}
		}
	})
}
