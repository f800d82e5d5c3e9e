package repo_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/gatehq/gate/engine/input/repo"
	"github.com/gatehq/gate/engine/model"
)

// jsonShaped fails for any value the engine cannot hand to Rego as JSON.
func jsonShaped(t *testing.T, where string, v any) {
	t.Helper()
	switch x := v.(type) {
	case nil, string, bool, float64, json.Number:
	case map[string]any:
		for k, e := range x {
			jsonShaped(t, where+"."+k, e)
		}
	case []any:
		for i, e := range x {
			jsonShaped(t, where+"["+strconv.Itoa(i)+"]", e)
		}
	default:
		t.Errorf("%s: %T is not JSON-shaped", where, v)
	}
}

// get walks a path of keys and indexes through the input.
func get(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			a, _ := v.([]any)
			if k >= len(a) {
				return nil
			}
			v = a[k]
		}
	}
	return v
}

func TestReadGood(t *testing.T) {
	doc, errs := read(t, "../../../fixtures/repo/good", noEnv)
	if len(errs) > 0 {
		t.Fatalf("input errors: %v", errs)
	}
	if doc.Kind != model.KindRepo || doc.Source != "repo" || doc.Path != "." {
		t.Errorf("document %s/%s/%s", doc.Kind, doc.Source, doc.Path)
	}
	jsonShaped(t, "input", doc.Input)
	if _, err := ast.InterfaceToValue(doc.Input); err != nil {
		t.Fatalf("InterfaceToValue: %v", err)
	}
	in := doc.Input
	checks := []struct {
		path []any
		want any
	}{
		{[]any{"repository", "visibility"}, model.Unknown},
		{[]any{"workflows", 0, "path"}, ".github/workflows/ci.yml"},
		{[]any{"workflows", 0, "content", "jobs", "test", "steps", 0, "uses"}, "actions/checkout@v4"},
		{[]any{"workflows", 0, "content", "jobs", "test", "steps", 0, "with", "persist-credentials"}, false},
		{[]any{"workflows", 0, "content", "on", "push", "branches"}, []any{"main"}},
		{[]any{"workflows", 1, "path"}, ".github/workflows/reusable.yml"},
		{[]any{"codeowners", "path"}, ".github/CODEOWNERS"},
		{[]any{"codeowners", "rules", 1}, map[string]any{"pattern": "/.github/", "owners": []any{"@org/platform"}, "line": json.Number("4")}},
		{[]any{"codeowners", "errors"}, []any{}},
		{[]any{"codeowners", "coverage", 0}, map[string]any{"path": ".github/workflows/ci.yml", "kind": "workflow", "owners": []any{"@org/platform"}, "rule": json.Number("1"), "line": json.Number("4")}},
		{[]any{"codeowners", "coverage", 2, "path"}, ".github/CODEOWNERS"},
		{[]any{"codeowners", "coverage", 3}, map[string]any{"path": "infra/main.tf", "kind": "terraform", "directory": "/infra", "owners": []any{"@org/platform"}, "rule": json.Number("2"), "line": json.Number("5")}},
		{[]any{"dependabot", "path"}, ".github/dependabot.yml"},
		{[]any{"dependabot", "updates", 3}, map[string]any{"index": json.Number("3"), "package-ecosystem": "terraform", "directories": []any{"/infra/*", "/infra"}}},
		{[]any{"dependabot", "errors"}, []any{}},
		{[]any{"renovate"}, nil},
		{[]any{"security_md", "path"}, "SECURITY.md"},
		{[]any{"pre_commit", "content", "repos", 0, "rev"}, "v4.6.0"},
		{[]any{"ecosystems"}, []any{
			map[string]any{"name": "docker", "directories": []any{"/"}},
			map[string]any{"name": "github-actions", "directories": []any{"/"}},
			map[string]any{"name": "gomod", "directories": []any{"/", "/testdata"}},
			map[string]any{"name": "npm", "directories": []any{"/web"}},
			map[string]any{"name": "terraform", "directories": []any{"/infra"}},
		}},
	}
	for _, c := range checks {
		if got := get(in, c.path...); !reflect.DeepEqual(got, c.want) {
			t.Errorf("input%v = %#v, want %#v", c.path, got, c.want)
		}
	}
	positions := []struct {
		file, attr string
		line, col  int
	}{
		{".github/workflows/ci.yml", "", 1, 0},
		{".github/workflows/ci.yml", "jobs.test.steps[0].uses", 12, 9},
		{".github/workflows/ci.yml", "jobs.test.steps[2].env.TITLE", 20, 11},
		{".github/workflows/ci.yml", "jobs.release.permissions.contents", 29, 7},
		{".github/CODEOWNERS", "rules[2]", 5, 1},
		{".github/dependabot.yml", "updates[3].directories[1]", 16, 31},
		{"SECURITY.md", "", 1, 0},
	}
	for _, p := range positions {
		got, ok := doc.Positions[key(p.file, p.attr)]
		if !ok || got.File != p.file || got.Line != p.line || got.Column != p.col {
			t.Errorf("position of %s %s = %v (%v), want %d:%d", p.file, p.attr, got, ok, p.line, p.col)
		}
	}
	var files []string
	for _, f := range doc.Files {
		if len(f.SHA256) != 64 || f.Size <= 0 {
			t.Errorf("file %+v", f)
		}
		files = append(files, f.Path)
	}
	want := []string{".github/CODEOWNERS", ".github/dependabot.yml", ".github/workflows/ci.yml", ".github/workflows/reusable.yml", ".pre-commit-config.yaml", "SECURITY.md"}
	if !reflect.DeepEqual(files, want) {
		t.Errorf("files %v, want %v", files, want)
	}
}

func key(file, attr string) string {
	if attr == "" {
		return file
	}
	return file + model.PathSep + attr
}

func TestReadBadInput(t *testing.T) {
	root := "../../../fixtures/repo/badinput"
	explicit := filepath.Join(root, ".github/workflows/invalid.yml")
	doc, errs := repo.Read(context.Background(), repo.Options{Root: root, Explicit: []string{explicit}, LookupEnv: noEnv})
	if doc == nil {
		t.Fatal("no document")
	}
	type e struct {
		path     string
		line     int
		explicit bool
		msg      string
	}
	want := []e{
		{".github/workflows/binary.yml", 3, false, "binary content (NUL byte)"},
		{".github/workflows/bomb.yml", 6, false, "alias expansion exceeds 100000 values"},
		{".github/workflows/duplicate.yml", 7, false, `duplicate key "build" (first defined at line 3)`},
		{".github/workflows/invalid.yml", 6, true, "invalid YAML: did not find expected node content"},
		{".github/dependabot.yml", 6, false, "schedule.interval is cron but schedule.cronjob is missing"},
		{"renovate.json", 3, false, "invalid JSON"},
	}
	if len(errs) != len(want) {
		t.Errorf("%d input errors, want %d: %v", len(errs), len(want), errs)
	}
	for i, w := range want {
		if i >= len(errs) {
			break
		}
		g := errs[i]
		if g.Path != w.path || g.Line != w.line || g.Explicit != w.explicit || !strings.Contains(g.Error(), w.msg) {
			t.Errorf("error %d: %s (explicit %v), want %s:%d %q (explicit %v)", i, g, g.Explicit, w.path, w.line, w.msg, w.explicit)
		}
		if !strings.HasPrefix(g.Error(), w.path+":") {
			t.Errorf("error %q does not start with the file name", g)
		}
	}
	// The readable workflow is still there; the others carry their error.
	wfs := get(doc.Input, "workflows").([]any)
	if len(wfs) != 5 {
		t.Fatalf("%d workflows", len(wfs))
	}
	for _, w := range wfs {
		p := get(w, "path").(string)
		content, msg := get(w, "content"), get(w, "error")
		if strings.HasSuffix(p, "ok.yml") != (content != nil) || (content == nil) != (msg != nil) {
			t.Errorf("%s: content %v, error %v", p, content != nil, msg)
		}
	}
	if got := get(doc.Input, "dependabot", "errors", 0, "line"); got != json.Number("6") {
		t.Errorf("dependabot error line %v", got)
	}
	if got := get(doc.Input, "renovate", "content"); got != nil {
		t.Errorf("renovate content %v", got)
	}
}

func TestReadLimits(t *testing.T) {
	big := strings.Repeat("# padding line for a very large workflow file\n", 240_000) // ≈ 11 MB
	tests := []struct {
		name  string
		max   int64
		files map[string]string
		want  string
	}{
		{"10 MB workflow over the default limit", 0, map[string]string{".github/workflows/big.yml": "on: push\n" + big}, "over the 10485760-byte limit"},
		{"small limit", 64, map[string]string{".github/workflows/w.yml": "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo 12345678901234567890\n"}, "over the 64-byte limit"},
		{"CODEOWNERS over the limit", 16, map[string]string{"CODEOWNERS": "* @org/maintainers\n"}, "over the 16-byte limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			for p, c := range tt.files {
				writeFile(t, root, p, c)
			}
			_, errs := repo.Read(context.Background(), repo.Options{Root: root, MaxFileSize: tt.max, LookupEnv: noEnv})
			if len(errs) != 1 || !strings.Contains(errs[0].Error(), tt.want) {
				t.Fatalf("errors %v, want one containing %q", errs, tt.want)
			}
		})
	}
}

func writeFile(t *testing.T, root, rel, content string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestReadSymlinks(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret.yml")
	if err := os.WriteFile(outside, []byte("on: push\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	writeFile(t, root, ".github/workflows/real.yml", "on: push\njobs: {}\n")
	links := map[string]string{
		".github/workflows/outside.yml": outside,
		".github/workflows/zero.yml":    "/dev/zero",
		".github/workflows/inside.yml":  "real.yml",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(root, filepath.FromSlash(name))); err != nil {
			t.Skipf("symlinks unavailable: %v", err)
		}
	}
	doc, errs := repo.Read(context.Background(), repo.Options{Root: root, LookupEnv: noEnv})
	var got []string
	for _, e := range errs {
		got = append(got, e.Path+": "+strings.SplitN(e.Err.Error(), " (", 2)[0])
	}
	want := []string{
		".github/workflows/outside.yml: symlink points outside the repository",
		".github/workflows/zero.yml: symlink points outside the repository",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("errors %q, want %q", got, want)
	}
	if c := get(doc.Input, "workflows", 0, "content"); c == nil || get(doc.Input, "workflows", 0, "path") != ".github/workflows/inside.yml" {
		t.Errorf("symlink inside the repository not read: %v", get(doc.Input, "workflows", 0))
	}
}

func TestVisibility(t *testing.T) {
	tests := []struct {
		name, payload string
		want          string
		note          bool
	}{
		{"public", `{"repository": {"private": false}}`, "public", false},
		{"private", `{"repository": {"private": true}}`, "private", false},
		{"internal wins over private", `{"repository": {"private": true, "visibility": "internal"}}`, "internal", false},
		{"no repository", `{"action": "opened"}`, model.Unknown, true},
		{"not JSON", `{`, model.Unknown, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "event.json")
			if err := os.WriteFile(p, []byte(tt.payload), 0o600); err != nil {
				t.Fatal(err)
			}
			env := func(k string) (string, bool) { return p, k == "GITHUB_EVENT_PATH" }
			doc, errs := read(t, t.TempDir(), env)
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			if got := get(doc.Input, "repository", "visibility"); got != tt.want {
				t.Errorf("visibility %v, want %v", got, tt.want)
			}
			if (len(doc.Notes) > 0) != tt.note {
				t.Errorf("notes %v", doc.Notes)
			}
		})
	}
}

func TestEcosystems(t *testing.T) {
	root := t.TempDir()
	for _, f := range []string{
		"package.json", "package-lock.json", "packages/a/package.json", "tools/b/package.json", "tools/b/yarn.lock",
		"node_modules/x/package.json", "vendor/y/go.mod", ".terraform/modules/m/main.tf", ".git/config",
		"svc/go.mod", "svc/Dockerfile.prod", "images/base.Dockerfile",
		"Cargo.toml", "Cargo.lock", "crates/c/Cargo.toml",
		"pom.xml", "mod/pom.xml", "app/build.gradle.kts",
		"py/pyproject.toml", "rb/Gemfile", "infra/a/main.tf", "infra/b/vars.tf", "infra/b/x.tf.json",
	} {
		writeFile(t, root, f, "x")
	}
	doc, errs := read(t, root, noEnv)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	got := map[string]any{}
	for _, e := range doc.Input["ecosystems"].([]any) {
		m := e.(map[string]any)
		got[m["name"].(string)] = m["directories"]
	}
	want := map[string]any{
		"npm":       []any{"/", "/tools/b"},
		"gomod":     []any{"/svc"},
		"docker":    []any{"/images", "/svc"},
		"cargo":     []any{"/"},
		"maven":     []any{"/"},
		"gradle":    []any{"/app"},
		"pip":       []any{"/py"},
		"bundler":   []any{"/rb"},
		"terraform": []any{"/infra/a", "/infra/b"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ecosystems\n got %v\nwant %v", got, want)
	}
}

func TestCodeownersLocation(t *testing.T) {
	root := t.TempDir()
	writeFile(t, root, "CODEOWNERS", "* @root\n")
	writeFile(t, root, "docs/CODEOWNERS", "* @docs\n")
	doc, _ := read(t, root, noEnv)
	if got := get(doc.Input, "codeowners", "path"); got != "CODEOWNERS" {
		t.Errorf("path %v", got)
	}
	if got := get(doc.Input, "codeowners", "ignored"); !reflect.DeepEqual(got, []any{"docs/CODEOWNERS"}) {
		t.Errorf("ignored %v", got)
	}
	writeFile(t, root, ".github/CODEOWNERS", "* @github\n")
	doc, _ = read(t, root, noEnv)
	if got := get(doc.Input, "codeowners", "path"); got != ".github/CODEOWNERS" {
		t.Errorf("path %v", got)
	}
	writeFile(t, root, ".github/CODEOWNERS", "* @a\n\x00\x01")
	doc, errs := read(t, root, noEnv)
	if len(errs) != 1 || errs[0].Line != 2 || !strings.Contains(errs[0].Error(), "binary") {
		t.Errorf("binary CODEOWNERS: %v", errs)
	}
	if get(doc.Input, "codeowners", "error") == nil {
		t.Error("binary CODEOWNERS has no error in the document")
	}
}

func TestReadRootErrors(t *testing.T) {
	doc, errs := repo.Read(context.Background(), repo.Options{Root: filepath.Join(t.TempDir(), "missing")})
	if doc != nil || len(errs) != 1 || !errs[0].Explicit {
		t.Errorf("missing root: %v %v", doc, errs)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	root := t.TempDir()
	writeFile(t, root, ".github/workflows/a.yml", "on: push\n")
	doc, errs = repo.Read(ctx, repo.Options{Root: root, LookupEnv: noEnv})
	if doc != nil || len(errs) == 0 || !strings.Contains(errs[len(errs)-1].Error(), "context canceled") {
		t.Errorf("cancelled: %v %v", doc, errs)
	}
}
