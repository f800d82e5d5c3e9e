package ghsettings

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/gatehq/gate/engine/catalog"
	"github.com/gatehq/gate/engine/model"
	"github.com/gatehq/gate/engine/policy"
	"github.com/gatehq/gate/rules"
)

// githubPack compiles the GitHub rules (and the params library) alone, so
// that this package's tests do not depend on the other rule directories.
func githubPack(t *testing.T, params map[string]map[string]any) *policy.Pack {
	t.Helper()
	gh, err := policy.LoadFS(rules.FS, "github", "rules", true, false)
	if err != nil {
		t.Fatal(err)
	}
	lib, err := policy.LoadFS(rules.FS, "lib", "rules", true, false)
	if err != nil {
		t.Fatal(err)
	}
	mods := gh
	for _, m := range lib {
		if m.Path == "rules/lib/params.rego" {
			mods = append(mods, m)
		}
	}
	pack, err := policy.Compile(context.Background(), mods, policy.Options{Params: params})
	if err != nil {
		t.Fatal(err)
	}
	return pack
}

// verdicts evaluates a document: rule id → "pass", "fail" or "unknown"
// (FAIL wins over UNKNOWN), and the messages behind each.
func verdicts(t *testing.T, pack *policy.Pack, doc *model.Document) (map[string]string, map[string][]string) {
	t.Helper()
	v, err := ast.InterfaceToValue(doc.Input)
	if err != nil {
		t.Fatal(err)
	}
	results, err := pack.Eval(context.Background(), model.KindGitHub, v)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	msgs := map[string][]string{}
	for _, r := range pack.RulesFor(model.KindGitHub) {
		out[r.ID] = "pass"
	}
	for _, r := range results {
		m, _ := r.Value.(map[string]any)
		msgs[r.Rule.ID] = append(msgs[r.Rule.ID], fmt.Sprintf("%s: %v: %v", r.Set, m["resource"], m["msg"]))
		switch r.Set {
		case "deny":
			out[r.Rule.ID] = "fail"
		case "unknown":
			if out[r.Rule.ID] != "fail" {
				out[r.Rule.ID] = "unknown"
			}
		}
	}
	return out, msgs
}

// expect spells verdicts compactly: "001F 002P 004U" (GATE-GH-NNN).
func expect(s string) map[string]string {
	out := map[string]string{}
	for _, f := range strings.Fields(s) {
		v := map[byte]string{'P': "pass", 'F': "fail", 'U': "unknown"}[f[len(f)-1]]
		out["GATE-GH-"+f[:len(f)-1]] = v
	}
	return out
}

func checkVerdicts(t *testing.T, got map[string]string, msgs map[string][]string, want map[string]string) {
	t.Helper()
	ids := make([]string, 0, len(want))
	for id := range want {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if got[id] != want[id] {
			t.Errorf("%s = %s, want %s %q", id, got[id], want[id], msgs[id])
		}
	}
}

func TestRuleControlsAreInCatalogs(t *testing.T) {
	cat, err := catalog.New()
	if err != nil {
		t.Fatal(err)
	}
	pack := githubPack(t, nil)
	rs := pack.RulesFor(model.KindGitHub)
	if len(rs) < 17 {
		t.Errorf("%d GitHub rules, want at least 17", len(rs))
	}
	for _, r := range rs {
		if !strings.HasPrefix(r.ID, "GATE-GH-") {
			t.Errorf("%s: id not GATE-GH-NNN", r.ID)
		}
		for _, err := range cat.ValidateControls(r.Controls) {
			t.Errorf("%s: %v", r.ID, err)
		}
	}
}

// TestFixtureVerdicts: the verdicts of the rule pack on the recorded
// snapshots (the acceptance table of the GitHub settings issue).
func TestFixtureVerdicts(t *testing.T) {
	strict := map[string]map[string]any{
		"GATE-GH-003": {"required_approvals": 2},
		"GATE-GH-010": {"require_strict": true, "required_checks": []any{"gate"}},
		"GATE-GH-015": {"required": true},
		"GATE-GH-016": {"required": true},
	}
	tests := []struct {
		snapshot string
		params   map[string]map[string]any
		want     string
	}{
		{"classic-only", nil, "001P 002P 003P 004F 005P 006F 007P 008P 009P 010P 011F 012P 013P 014F 015P 016P 017P"},
		{"classic-only", strict, "003F 010F 015F 016P"},
		{"rulesets-only", nil, "001P 002P 003P 004P 005P 006P 007F 008P 009P 010P 011F 012P 013P 014P 015P 016P 017F"},
		{"rulesets-only", strict, "003P 010P 015F 016F"},
		{"both", nil, "001P 002P 003P 004P 005P 006F 007P 008F 009F 010P 011F 012P 013P 014P 015P 016P 017P"},
		{"disabled-ruleset", nil, "001F 002F 003F 004F 005P 006F 007P 008F 009F 010F 011P 012P 013F 014F 015P 016P 017F"},
		{"no-admin", nil, "001P 002P 003P 004U 005U 006U 007U 008U 009U 010U 011U 012U 013U 014U 015P 016P 017P"},
		{"no-admin", strict, "003U 010U 015U 016U"},
		{"free-private", nil, "001U 002U 003U 004U 005P 006U 007U 008U 009U 010U 011P 012P 013P 014U 015P 016P 017U"},
	}
	for _, tc := range tests {
		name := tc.snapshot
		if tc.params != nil {
			name += "/strict-params"
		}
		t.Run(name, func(t *testing.T) {
			doc, err := ReadSnapshot(context.Background(), fixture(tc.snapshot), "")
			if err != nil {
				t.Fatal(err)
			}
			got, msgs := verdicts(t, githubPack(t, tc.params), doc)
			checkVerdicts(t, got, msgs, expect(tc.want))
			if testing.Verbose() {
				ids := make([]string, 0, len(got))
				for id := range got {
					ids = append(ids, id)
				}
				sort.Strings(ids)
				for _, id := range ids {
					t.Logf("%s %-7s %s", id, got[id], strings.Join(msgs[id], " | "))
				}
			}
		})
	}
}

// TestCorpusVerdicts runs the rules on the recorded branch-protection bodies
// of checkov's and octokit's tests, each served as the protection of the
// default branch of an otherwise clean repository (no rulesets, a CODEOWNERS
// file), and compares with the expectations in corpus/PROVENANCE.md.
func TestCorpusVerdicts(t *testing.T) {
	corpus := filepath.Join("..", "..", "..", "fixtures", "github", "corpus")
	two := map[string]map[string]any{"GATE-GH-003": {"required_approvals": 2}}
	tests := []struct {
		body   string
		status int
		params map[string]map[string]any
		want   string
	}{
		{"checkov/GithubBranchDisallowDeletions/pass.json", 200, nil, "009P"},
		{"checkov/GithubBranchDisallowDeletions/fail.json", 200, nil, "009F"},
		{"checkov/GithubBranchDismissStaleReviews/pass.json", 200, nil, "004P"},
		{"checkov/GithubBranchDismissStaleReviews/fail.json", 200, nil, "004F"},
		{"checkov/GithubBranchRequireCodeOwnerReviews/pass.json", 200, nil, "005P"},
		{"checkov/GithubBranchRequireCodeOwnerReviews/fail.json", 200, nil, "005F"},
		{"checkov/GithubBranchRequireStatusChecks/pass.json", 200, nil, "010P"},
		{"checkov/GithubBranchRequireStatusChecks/fail.json", 200, nil, "010F"},
		{"checkov/GithubRequire2Approvals/pass.json", 200, two, "003P"},
		{"checkov/GithubRequire2Approvals/fail1.json", 200, two, "003F"},
		{"checkov/GithubRequire2Approvals/fail2.json", 200, two, "003F 002F"},
		{"checkov/GithubRequire2Approvals/fail3.json", 404, two, "001F 002F 003F"},
		{"checkov/GithubRequire2Approvals/fail1.json", 200, nil, "003F"},
		{"checkov/GithubBranchDisallowDeletions/pass.json", 200, nil, "003P"},
		{"checkov/github_conf/repo__branch_protection.json", 200, two, "002P 003P 004P 005P 007P 008F 009F 010P 014P"},
		{"checkov/github_conf/repo_no_rules__branch_protection_rules.json", 404, nil, "001F 002F 003F 004F 005F 006F 007P 008F 009F 010F 014F"},
		{"octokit/branch-protection.put-response.minimal.json", 200, nil, "001P 002F 003F 007F 008P 009P 010F"},
		{"octokit/branch-protection.put-response.restrictions.json", 200, nil, "002P 003P 004P 007P 008P 009P 010P"},
	}
	for _, tc := range tests {
		t.Run(tc.body, func(t *testing.T) {
			dir := copySnapshot(t, "classic-only")
			body, err := os.ReadFile(filepath.Join(corpus, filepath.FromSlash(tc.body)))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "branch-protection.get.200.json"), body, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "codeowners-errors.404.json"), []byte(`{"errors":[]}`), 0o644); err != nil {
				t.Fatal(err)
			}
			editFile(t, filepath.Join(dir, ManifestName), func(s string) string {
				s = strings.Replace(s, `"request": "GET /repos/test-org/test-repo/codeowners/errors?ref=main",
      "status": 404`, `"request": "GET /repos/test-org/test-repo/codeowners/errors?ref=main",
      "status": 200`, 1)
				return strings.Replace(s, `"request": "GET /repos/test-org/test-repo/branches/main/protection",
      "status": 200`, fmt.Sprintf(`"request": "GET /repos/test-org/test-repo/branches/main/protection",
      "status": %d`, tc.status), 1)
			})
			doc, err := ReadSnapshot(context.Background(), dir, "")
			if err != nil {
				t.Fatal(err)
			}
			got, msgs := verdicts(t, githubPack(t, tc.params), doc)
			checkVerdicts(t, got, msgs, expect(tc.want))
		})
	}
}
