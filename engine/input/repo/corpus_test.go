package repo_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The development corpus (fixtures/repo/corpus, copied byte for byte from
// /work/shared/corpus; see fixtures/repo/PROVENANCE.md) with the findings
// its source projects' tests expect, mapped to the gate's rules.
//
// For each file, covered lists the gate rules whose subject the source
// project's test judges: only results of those rules count, as a true
// positive when they match an expectation and as a false positive when they
// do not. An expectation with line 0 is about the whole file. own marks an
// expectation from our own reading of the file (where the source tool's
// test is silent or marks a known miss); outOfScope lists what the source
// expects but the gate deliberately does not report, with the reason.
type corpusFile struct {
	covered    []string
	expect     []expectation
	outOfScope []string
}

type expectation struct {
	rule string
	line int
	own  bool
	note string
}

const (
	permMissing  = "GATE-REPO-001"
	permWriteAll = "GATE-REPO-002"
	permTopWrite = "GATE-REPO-003"
	unpinned     = "GATE-REPO-004"
	checkout     = "GATE-REPO-005"
	injection    = "GATE-REPO-006"
	selfHosted   = "GATE-REPO-008"
	persistCreds = "GATE-REPO-009"
)

var (
	permRules      = []string{permMissing, permWriteAll, permTopWrite}
	dangerousRules = []string{checkout, injection}
)

// corpusDefault is judged with the rules' default parameters and the
// repositories treated as public (all sources are public projects).
var corpusDefault = map[string]corpusFile{
	"poutine/valid.yml": {
		covered: []string{permMissing, permWriteAll, permTopWrite, unpinned, checkout, injection, selfHosted},
		expect: []expectation{
			{permMissing, 0, false, "default_permissions_on_risky_events (file)"},
			{unpinned, 35, false, "github_action_from_unverified_creator_used: kartverket/…@main"},
			{unpinned, 39, false, "github_action_from_unverified_creator_used: kartverket/…@v2.7.1"},
			{unpinned, 43, false, "github_action_from_unverified_creator_used: kartverket/…@v2.2"},
			{unpinned, 56, true, "bridgecrewio/checkov-action@main is an unpinned third-party action (poutine reports the line as untrusted_checkout_exec)"},
			{checkout, 15, false, "untrusted_checkout_exec L30/L56/L60/L75/L80 execute the checkout of github.head_ref under pull_request_target; the gate reports the checkout itself"},
			{injection, 20, false, "injection: github.head_ref"},
			{injection, 26, true, "github['head_ref'] is the same injection; poutine marks it as a known miss (TODO)"},
			{injection, 46, false, "injection: github.event.workflow_run.head_branch"},
			{injection, 50, false, "injection: github.event.client_payload"},
			{selfHosted, 9, false, "pr_runs_on_self_hosted"},
		},
		outOfScope: []string{
			"L39, L43 known_vulnerability_in_build_component: needs an advisory database",
			"L70, L75 unverified_script_exec (curl | bash): not a gate rule",
		},
	},
	"scorecard/github-workflow-dangerous-pattern-safe-trigger.yml":       {covered: dangerousRules},
	"scorecard/github-workflow-dangerous-pattern-trusted-checkout.yml":   {covered: dangerousRules},
	"scorecard/github-workflow-dangerous-pattern-untrusted-checkout.yml": {covered: dangerousRules, expect: []expectation{{checkout, 24, false, "pull_request_target + checkout of github.event.pull_request.head.sha"}}},
	"scorecard/github-workflow-dangerous-pattern-untrusted-script-injection.yml": {
		covered: dangerousRules,
		expect:  []expectation{{injection, 27, false, "github.event.issue.title in run:"}},
	},
	"scorecard/github-workflow-permissions-absent.yaml":   {covered: permRules, expect: []expectation{{permMissing, 0, false, "no top-level permissions"}}},
	"scorecard/github-workflow-permissions-contents.yaml": {covered: permRules, expect: []expectation{{permTopWrite, 17, false, "top-level contents: write"}}},
	"scorecard/github-workflow-permissions-none.yaml":     {covered: permRules},
	"scorecard/github-workflow-permissions-readall.yaml":  {covered: permRules},
	"scorecard/github-workflow-permissions-writeall.yaml": {covered: permRules, expect: []expectation{{permWriteAll, 16, false, "top-level write-all"}}},
	"scorecard/raw__workflow-mix-pinned-and-non-pinned-non-github.yaml": {
		covered: []string{unpinned},
		expect:  []expectation{{unpinned, 41, false, "acme/something@v2"}},
	},
	"scorecard/raw__workflow-not-pinned.yaml": {
		covered:    []string{unpinned},
		expect:     []expectation{{unpinned, 38, false, "docker://rhysd/actionlint@latest"}},
		outOfScope: []string{"L79 github/codeql-action/analyze@v1: GitHub-owned, allowed by allow_unpinned_owners"},
	},
	"scorecard/raw__workflow-pinned.yaml": {covered: []string{unpinned}},
	"zizmor/artipacked.yml": {
		covered:    []string{persistCreds},
		expect:     []expectation{{persistCreds, 22, false, "checkout persists credentials"}},
		outOfScope: []string{"L28 explicit persist-credentials: true (zizmor auditor persona only; flag_explicit_true)"},
	},
	"zizmor/excessive-permissions__jobs-broaden-permissions.yml": {
		covered:    permRules,
		expect:     []expectation{{permWriteAll, 20, false, "job write-all"}},
		outOfScope: []string{"L11 job read-all: the gate does not report read-all"},
	},
	"zizmor/excessive-permissions__workflow-default-perms.yml": {
		covered: permRules,
		expect:  []expectation{{permMissing, 0, false, "pedantic: default permissions (zizmor L5, L14)"}},
	},
	"zizmor/excessive-permissions__workflow-empty-perms.yml": {covered: permRules},
	"zizmor/excessive-permissions__workflow-read-all.yml": {
		covered:    permRules,
		outOfScope: []string{"L5 read-all: the gate does not report read-all"},
	},
	"zizmor/excessive-permissions__workflow-write-all.yml": {covered: permRules, expect: []expectation{{permWriteAll, 5, false, "write-all"}}},
	"zizmor/excessive-permissions__workflow-write-explicit.yml": {
		covered: permRules,
		expect: []expectation{
			{permTopWrite, 7, false, "contents: write"},
			{permTopWrite, 8, false, "id-token: write"},
			{permTopWrite, 9, false, "nonexistent: write"},
		},
	},
	"zizmor/template-injection__codeql-sinks.yml": {
		covered: []string{injection},
		expect:  []expectation{{injection, 17, false, "mikefarah/yq cmd: github.event.pull_request.title"}},
	},
	"zizmor/template-injection__pr-317-repro.yml": {
		covered:    []string{injection},
		outOfScope: []string{"L28 matrix value built from github.repository_owner: not attacker-controlled"},
	},
	"zizmor/unpinned-uses.yml": {
		covered:    []string{unpinned},
		outOfScope: []string{"L16 actions/checkout@v3: allowed by allow_unpinned_owners"},
	},
	"zizmor/unpinned-uses__menagerie-of-uses.yml": {
		covered:    []string{unpinned},
		expect:     []expectation{{unpinned, 22, false, "pypa/gh-action-pypi-publish@release/v1"}},
		outOfScope: []string{"L12, L14 actions/*, L24, L26 github/*: allowed by allow_unpinned_owners"},
	},
}

// corpusHashPinAll is the pinning corpus with allow_unpinned_owners: [] —
// every action must be pinned to a SHA ("hash-pin everything").
var corpusHashPinAll = map[string]corpusFile{
	"poutine/valid.yml": {covered: []string{unpinned}, expect: []expectation{
		{unpinned, 13, true, "actions/checkout@v4"},
		{unpinned, 35, false, "kartverket"}, {unpinned, 39, false, "kartverket"}, {unpinned, 43, false, "kartverket"},
		{unpinned, 56, true, "bridgecrewio/checkov-action@main"},
	}},
	"scorecard/raw__workflow-mix-pinned-and-non-pinned-non-github.yaml": {covered: []string{unpinned}, expect: []expectation{{unpinned, 41, false, ""}}},
	"scorecard/raw__workflow-not-pinned.yaml":                           {covered: []string{unpinned}, expect: []expectation{{unpinned, 38, false, ""}, {unpinned, 79, false, ""}}},
	"scorecard/raw__workflow-pinned.yaml":                               {covered: []string{unpinned}},
	"zizmor/unpinned-uses.yml":                                          {covered: []string{unpinned}, expect: []expectation{{unpinned, 16, false, ""}}},
	"zizmor/unpinned-uses__menagerie-of-uses.yml": {covered: []string{unpinned}, expect: []expectation{
		{unpinned, 12, false, ""}, {unpinned, 14, false, ""}, {unpinned, 22, false, ""}, {unpinned, 24, false, ""}, {unpinned, 26, false, ""},
	}},
}

const corpusDir = "../../../fixtures/repo/corpus"

// corpusRepo copies the corpus workflows into .github/workflows of a
// temporary repository, named <source>__<file>.
func corpusRepo(t *testing.T) (string, map[string]string) {
	t.Helper()
	root := t.TempDir()
	names := map[string]string{}
	dir := filepath.Join(corpusDir, "workflows")
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		name := ".github/workflows/" + strings.ReplaceAll(rel, "/", "__")
		writeFile(t, root, name, string(data))
		names[name] = rel
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return root, names
}

type score struct {
	tp, tpOwn, fp, fn, fnOwn, outOfScope int
}

func (s score) ratio(a, b int) float64 {
	if a+b == 0 {
		return 1
	}
	return float64(a) / float64(a+b)
}

// measure matches results against expectations and logs every mismatch.
func measure(t *testing.T, corpus map[string]corpusFile, results []finding, names map[string]string) score {
	t.Helper()
	var s score
	byFile := map[string][]finding{}
	for _, f := range results {
		if rel, ok := names[f.File]; ok {
			byFile[rel] = append(byFile[rel], f)
		}
	}
	files := make([]string, 0, len(corpus))
	for f := range corpus {
		files = append(files, f)
	}
	sort.Strings(files)
	if len(files) != len(corpus) {
		t.Fatalf("corpus table has %d files", len(files))
	}
	for _, file := range files {
		c := corpus[file]
		if _, ok := byFile[file]; !ok && !containsValue(names, file) {
			t.Errorf("%s: not in the corpus directory", file)
			continue
		}
		covered := map[string]bool{}
		for _, r := range c.covered {
			covered[r] = true
		}
		matched := make([]bool, len(c.expect))
		for _, f := range byFile[file] {
			if !covered[f.Rule] || f.Set != "deny" {
				continue
			}
			hit := false
			for i, e := range c.expect {
				if matched[i] || e.rule != f.Rule {
					continue
				}
				if e.line == 0 || (f.Line <= e.line && e.line <= f.EndLine) {
					matched[i], hit = true, true
					if e.own {
						s.tpOwn++
					} else {
						s.tp++
					}
					break
				}
			}
			if !hit {
				s.fp++
				t.Logf("false positive: %s: %s", file, f)
			}
		}
		for i, e := range c.expect {
			if matched[i] {
				continue
			}
			if e.own {
				s.fnOwn++
			} else {
				s.fn++
			}
			t.Logf("missed: %s: %s L%d (%s)", file, e.rule, e.line, e.note)
		}
		s.outOfScope += len(c.outOfScope)
	}
	return s
}

func containsValue(m map[string]string, v string) bool {
	for _, x := range m {
		if x == v {
			return true
		}
	}
	return false
}

func report(t *testing.T, name string, s score) (precision, recall float64) {
	t.Helper()
	precision = s.ratio(s.tp+s.tpOwn, s.fp)
	recall = s.ratio(s.tp, s.fn)
	t.Logf("%s: TP %d (+%d own reading), FP %d, FN %d (+%d own reading); out of scope %d",
		name, s.tp, s.tpOwn, s.fp, s.fn, s.fnOwn, s.outOfScope)
	t.Logf("%s: precision %.3f, recall %.3f against the source projects' expectations; recall %.3f with out-of-scope expectations counted as misses; with own-reading expectations: precision %.3f, recall %.3f",
		name, precision, recall, s.ratio(s.tp, s.fn+s.outOfScope), precision, s.ratio(s.tp+s.tpOwn, s.fn+s.fnOwn))
	return precision, recall
}

func TestCorpusWorkflows(t *testing.T) {
	root, names := corpusRepo(t)
	if len(names) != len(corpusDefault) {
		t.Fatalf("%d corpus workflows, table has %d", len(names), len(corpusDefault))
	}
	doc, errs := read(t, root, eventEnv(t, false))
	if len(errs) > 0 {
		t.Fatalf("corpus workflows must all parse: %v", errs)
	}
	tests := []struct {
		name           string
		corpus         map[string]corpusFile
		params         map[string]map[string]any
		minP, minR     float64
		wantTP, wantFP int
	}{
		{"default parameters", corpusDefault, nil, 1, 1, 25, 0},
		{"hash-pin everything", corpusHashPinAll, map[string]map[string]any{unpinned: {"allow_unpinned_owners": []any{}}}, 1, 1, 12, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			results := evaluate(t, compile(t, tt.params), doc)
			s := measure(t, tt.corpus, results, names)
			p, r := report(t, tt.name, s)
			if p < tt.minP || r < tt.minR {
				t.Errorf("precision %.3f, recall %.3f: below the floor %.2f/%.2f", p, r, tt.minP, tt.minR)
			}
			if s.tp != tt.wantTP || s.fp != tt.wantFP {
				t.Errorf("TP %d FP %d, want %d and %d: update the table if a rule changed on purpose", s.tp, s.fp, tt.wantTP, tt.wantFP)
			}
		})
	}
	// Results in rules the source tests do not judge, for the record.
	uncovered := map[string]int{}
	for _, f := range evaluate(t, compile(t, nil), doc) {
		rel, ok := names[f.File]
		if !ok {
			continue
		}
		judged := false
		for _, r := range corpusDefault[rel].covered {
			judged = judged || r == f.Rule
		}
		if !judged {
			uncovered[f.Set+" "+f.Rule]++
		}
	}
	keys := make([]string, 0, len(uncovered))
	for k := range uncovered {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, " %s×%d", k, uncovered[k])
	}
	t.Logf("results in rules the sources do not judge (not scored):%s", b.String())
}

// TestCorpusDependabot reads the corpus dependabot.yml files, each in a
// repository holding the ecosystems it declares: the valid ones satisfy the
// dependency-update rule, the invalid one is an input error at its line and
// covers nothing.
func TestCorpusDependabot(t *testing.T) {
	tests := []struct {
		file      string
		manifests []string
		errLine   int
	}{
		{"zizmor-cooldown-missing__dependabot.yml", []string{"pyproject.toml"}, 0},
		{"zizmor-models__grafana.yml", []string{
			".github/workflows/ci.yml", "go.mod", "apps/playlist/go.mod", "pkg/util/xorm/go.mod",
			"Dockerfile", "packaging/docker/custom/Dockerfile", "scripts/verify-repo-update/Dockerfile",
		}, 0},
		{"zizmor-models__opentofu.yml", []string{"stack/main.tf", "modules/default-branch-protection/main.tf"}, 0},
		{"zizmor-models__pip-audit.yml", []string{"pyproject.toml", ".github/workflows/ci.yml"}, 0},
		{"zizmor-models__sigstore-python.yml", []string{"pyproject.toml", ".github/workflows/ci.yml"}, 0},
		{"zizmor-models__cron-missing-cronjob.invalid.yml", []string{"package.json"}, 6},
	}
	pack := compile(t, nil)
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(corpusDir, "repo", "dependabot", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			root := t.TempDir()
			writeFile(t, root, ".github/dependabot.yml", string(data))
			for _, m := range tt.manifests {
				content := "x"
				if strings.HasSuffix(m, ".yml") {
					content = "on: push\njobs: {}\n"
				}
				writeFile(t, root, m, content)
			}
			doc, errs := read(t, root, noEnv)
			var deps []finding
			for _, f := range evaluate(t, pack, doc) {
				if f.Rule == "GATE-REPO-014" {
					deps = append(deps, f)
				}
			}
			if tt.errLine == 0 {
				if len(errs) > 0 || len(deps) > 0 {
					t.Errorf("valid config: errors %v, findings %v", errs, deps)
				}
				return
			}
			if len(errs) != 1 || errs[0].Line != tt.errLine || errs[0].Path != ".github/dependabot.yml" {
				t.Errorf("errors %v, want one at line %d", errs, tt.errLine)
			}
			if len(deps) != 1 || !strings.Contains(deps[0].Msg, "is invalid") {
				t.Errorf("findings %v, want npm not covered because the file is invalid", deps)
			}
		})
	}
}
