package repo_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/gatehq/gate/engine/input/repo"
	"github.com/gatehq/gate/engine/model"
	"github.com/gatehq/gate/engine/policy"
	"github.com/gatehq/gate/rules"
)

// finding is one rule result located in its file.
type finding struct {
	Rule, Set, File, Attr, Msg string
	Line, EndLine              int
}

func (f finding) String() string {
	return fmt.Sprintf("%s %s %s:%d %s: %s", f.Set, f.Rule, f.File, f.Line, f.Attr, f.Msg)
}

// compile builds the repo rules (and the shared library) with params.
func compile(t *testing.T, params map[string]map[string]any) *policy.Pack {
	t.Helper()
	var mods []policy.Module
	for _, dir := range []string{"lib", "repo"} {
		m, err := policy.LoadFS(rules.FS, dir, "rules", true, false)
		if err != nil {
			t.Fatal(err)
		}
		mods = append(mods, m...)
	}
	pack, err := policy.Compile(context.Background(), mods, policy.Options{Params: params})
	if err != nil {
		t.Fatal(err)
	}
	return pack
}

// evaluate runs the repo rules on a document and locates every result.
func evaluate(t *testing.T, pack *policy.Pack, doc *model.Document) []finding {
	t.Helper()
	in, err := ast.InterfaceToValue(doc.Input)
	if err != nil {
		t.Fatal(err)
	}
	res, err := pack.Eval(context.Background(), model.KindRepo, in)
	if err != nil {
		t.Fatal(err)
	}
	var out []finding
	for _, r := range res {
		v, ok := r.Value.(map[string]any)
		if !ok {
			t.Fatalf("%s: result %v is not an object", r.Rule.ID, r.Value)
		}
		f := finding{Rule: r.Rule.ID, Set: r.Set}
		f.File, _ = v["resource"].(string)
		f.Attr, _ = v["attribute"].(string)
		f.Msg, _ = v["msg"].(string)
		if f.File == "" || f.Msg == "" {
			t.Errorf("%s: result without resource or msg: %v", r.Rule.ID, v)
		}
		if p, ok := doc.Positions.Locate(f.File, f.Attr); ok {
			f.Line, f.EndLine = p.Line, max(p.EndLine, p.Line)
		}
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	return out
}

func noEnv(string) (string, bool) { return "", false }

// eventEnv points GITHUB_EVENT_PATH at a payload with the given visibility.
func eventEnv(t *testing.T, private bool) func(string) (string, bool) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "event.json")
	if err := os.WriteFile(p, []byte(fmt.Sprintf(`{"repository": {"full_name": "o/r", "private": %v}}`, private)), 0o600); err != nil {
		t.Fatal(err)
	}
	return func(k string) (string, bool) {
		if k == "GITHUB_EVENT_PATH" {
			return p, true
		}
		return "", false
	}
}

func read(t *testing.T, root string, env func(string) (string, bool)) (*model.Document, []*model.InputError) {
	t.Helper()
	doc, errs := repo.Read(context.Background(), repo.Options{Root: root, LookupEnv: env})
	if doc == nil {
		t.Fatalf("no document: %v", errs)
	}
	return doc, errs
}

// TestRulesOnFixtures runs every repo rule over the fixture repositories and
// checks each result, its line and its verdict.
func TestRulesOnFixtures(t *testing.T) {
	pack := compile(t, nil)
	tests := []struct {
		name    string
		root    string
		private bool
		env     bool
		only    string // compare only this rule's results ("" = all)
		want    []string
	}{
		{
			name: "good repository", root: "../../../fixtures/repo/good", env: true, private: false,
			want: nil,
		},
		{
			name: "bad repository, public", root: "../../../fixtures/repo/bad", env: true, private: false,
			want: []string{
				"deny GATE-REPO-001 .github/workflows/pr.yml:1 permissions: no top-level permissions and job(s) build, call set none: they run with the repository's default GITHUB_TOKEN permissions",
				"deny GATE-REPO-002 .github/workflows/release.yml:2 permissions: top-level permissions are write-all: every job gets a token that can write to every scope",
				"deny GATE-REPO-002 .github/workflows/release.yml:6 jobs.release.permissions: job release has write-all permissions: its token can write to every scope",
				"deny GATE-REPO-003 .github/workflows/scopes.yml:3 permissions.contents: top-level permissions grant contents: write to every job; grant it in the job that needs it",
				"deny GATE-REPO-003 .github/workflows/scopes.yml:4 permissions.id-token: top-level permissions grant id-token: write to every job; grant it in the job that needs it",
				"deny GATE-REPO-004 .github/workflows/pr.yml:12 jobs.build.steps[1].uses: acme/lint-action@v1 is not pinned to a full commit SHA",
				"deny GATE-REPO-004 .github/workflows/pr.yml:18 jobs.call.uses: acme/workflows/.github/workflows/deploy.yml@main is not pinned to a full commit SHA",
				"deny GATE-REPO-005 .github/workflows/pr.yml:11 jobs.build.steps[0].with.ref: pull_request_target workflow checks out the pull request head (github.event.pull_request.head.sha): untrusted code runs with the base repository's secrets and write token",
				"deny GATE-REPO-006 .github/workflows/pr.yml:14 jobs.build.steps[2].run: untrusted input interpolated into code: ${{ github.event.pull_request.title }}; pass it through env: and quote the variable",
				"deny GATE-REPO-007 .github/workflows/pr.yml:19 jobs.call.secrets: job call passes every secret to acme/workflows/.github/workflows/deploy.yml@main (secrets: inherit)",
				"deny GATE-REPO-008 .github/workflows/pr.yml:7 jobs.build.runs-on: job build runs on a self-hosted runner in a public repository",
				"deny GATE-REPO-009 .github/workflows/pr.yml:9 jobs.build.steps[0]: actions/checkout in job build keeps the GITHUB_TOKEN in .git/config and no step of the job pushes; set persist-credentials: false",
				"deny GATE-REPO-011 CODEOWNERS:3 errors[0]: line 3 is skipped by GitHub: pattern \"!/docs/\": negation (!) is not supported in CODEOWNERS",
				"deny GATE-REPO-011 CODEOWNERS:5 errors[1]: line 5 is skipped by GitHub: invalid owner \"not-an-owner\": want @user, @org/team or an e-mail address",
				"deny GATE-REPO-012 CODEOWNERS:4 rules[1]: workflow .github/workflows/pr.yml has no code owner: the rule at line 4 has no owners",
				"deny GATE-REPO-012 CODEOWNERS:4 rules[1]: workflow .github/workflows/release.yml has no code owner: the rule at line 4 has no owners",
				"deny GATE-REPO-012 CODEOWNERS:4 rules[1]: workflow .github/workflows/scopes.yml has no code owner: the rule at line 4 has no owners",
				"deny GATE-REPO-012 CODEOWNERS:6 rules[2]: Terraform directory /deploy has files without a code owner: the rule at line 6 has no owners",
				"deny GATE-REPO-013 CODEOWNERS:4 rules[1]: /.github/ has no owners: it removes the owners the catch-all at line 2 gives those paths",
				"deny GATE-REPO-013 CODEOWNERS:6 rules[2]: /deploy/ has no owners: it removes the owners the catch-all at line 2 gives those paths",
				"deny GATE-REPO-014 .github/dependabot.yml:2 updates: no Dependabot or Renovate updates for docker in /",
				"deny GATE-REPO-014 .github/dependabot.yml:2 updates: no Dependabot or Renovate updates for github-actions in /",
				"deny GATE-REPO-014 .github/dependabot.yml:2 updates: no Dependabot or Renovate updates for npm in /web",
				"deny GATE-REPO-014 .github/dependabot.yml:2 updates: no Dependabot or Renovate updates for terraform in /deploy",
				"deny GATE-REPO-015 SECURITY.md:0 : no SECURITY.md in the root, .github/ or docs/: there is no documented way to report a vulnerability",
				"deny GATE-REPO-016 .github/workflows:0 : no workflow runs the gate on pull requests: changes can merge without these checks",
			},
		},
		{
			name: "bad repository, visibility unknown", root: "../../../fixtures/repo/bad", env: false, only: "GATE-REPO-008",
			want: []string{
				"unknown GATE-REPO-008 .github/workflows/pr.yml:7 jobs.build.runs-on: job build runs on a self-hosted runner; the repository's visibility is unknown (no GITHUB_EVENT_PATH payload)",
			},
		},
		{
			name: "bad repository, private", root: "../../../fixtures/repo/bad", env: true, private: true, only: "GATE-REPO-008",
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := noEnv
			if tt.env {
				env = eventEnv(t, tt.private)
			}
			doc, errs := read(t, tt.root, env)
			if len(errs) > 0 {
				t.Fatalf("input errors: %v", errs)
			}
			var got []string
			for _, f := range evaluate(t, pack, doc) {
				if tt.only == "" || f.Rule == tt.only {
					got = append(got, f.String())
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestRulesOnOddShapes feeds the rules workflows whose values have the wrong
// types. GitHub would reject them, but the rules must not fail at run time
// (a strict built-in error stops the whole gate).
func TestRulesOnOddShapes(t *testing.T) {
	files := map[string]string{
		"a.yml": `on: 5
permissions: [a]
jobs:
  a: 5
  b:
    runs-on: 5
    steps: "x"
  c:
    runs-on: {labels: 5}
    permissions: 7
    secrets: [1]
    uses: 5
    strategy: {matrix: 5}
    steps:
      - "string step"
      - 5
      - uses: 5
        with: "str"
        run: [1]
      - uses: actions/checkout@v4
        with: [1, 2]
      - uses: actions/checkout@v4
        with: "ref"
      - uses: actions/github-script@v7
        with: {script: 5}
      - run: echo ${{ }} ${{
  d:
    runs-on: ${{ matrix.os }}
    strategy: {matrix: {os: 5, include: 5}}
  e:
    runs-on: ${{ matrix.os }}
    strategy: {matrix: {include: [5, {os: [self-hosted, 1]}]}}
`,
		"b.yml": "on: {pull_request_target: 5, workflow_run: [1]}\njobs: [1, 2]\n",
		"c.yml": "on: [pull_request_target, 5, {x: 1}]\npermissions: {contents: 5, x: [write]}\njobs:\n  a:\n    steps:\n      - uses: actions/checkout@v4\n        with: {ref: 5, repository: [1]}\n      - run: 5\n",
		"d.yml": "on: pull_request\njobs: {}\n",
		"e.yml": "name: only a name\n",
	}
	root := t.TempDir()
	for name, content := range files {
		writeFile(t, root, ".github/workflows/"+name, content)
	}
	writeFile(t, root, ".github/dependabot.yml", "version: 2\nupdates: [5, {package-ecosystem: 5, directories: [1, ''], schedule: 5}]\n")
	writeFile(t, root, "renovate.json", `{"enabled": "yes", "enabledManagers": "gomod"}`)
	writeFile(t, root, "CODEOWNERS", "* @a\n/x/\n")
	doc, errs := read(t, root, eventEnv(t, false))
	for _, e := range errs {
		if e.Path != ".github/dependabot.yml" {
			t.Errorf("unexpected input error %v", e)
		}
	}
	if len(errs) == 0 {
		t.Error("the malformed dependabot.yml is not an input error")
	}
	got := map[string]bool{}
	for _, f := range evaluate(t, compile(t, nil), doc) {
		got[f.Rule+" "+f.File+" "+f.Attr] = true
	}
	for _, want := range []string{
		"GATE-REPO-008 .github/workflows/a.yml jobs.e.runs-on",
		"GATE-REPO-009 .github/workflows/a.yml jobs.c.steps[3]",
		"GATE-REPO-009 .github/workflows/a.yml jobs.c.steps[4]",
	} {
		if !got[want] {
			t.Errorf("missing %s in %v", want, got)
		}
	}
}
