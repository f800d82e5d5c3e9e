package cli

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/gatehq/gate/engine"
	"github.com/gatehq/gate/engine/catalog"
	"github.com/gatehq/gate/engine/evidence"
	"github.com/gatehq/gate/engine/model"
)

// runSub runs the evidence and report commands under a root like Run's and
// returns the exit code, stdout and stderr.
func runSub(t *testing.T, env Env, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	env.Stdout, env.Stderr = &out, &errb
	if env.Getenv == nil {
		env.Getenv = func(string) string { return "" }
	}
	root := &cobra.Command{Use: "gate", SilenceUsage: true, SilenceErrors: true}
	root.SetOut(&out)
	root.SetErr(&errb)
	root.SetArgs(args)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &exitError{code: engine.ExitError, err: err} })
	root.AddCommand(evidenceCommand(&env), reportCommand(&env))
	err := root.ExecuteContext(context.Background())
	if err == nil {
		return 0, out.String(), errb.String()
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintf(&errb, "gate: %v\n", ee.err)
		}
		return ee.code, out.String(), errb.String()
	}
	fmt.Fprintf(&errb, "gate: %v\n", err)
	return engine.ExitError, out.String(), errb.String()
}

// actionsEnv is a GitHub Actions environment for a pull request.
func actionsEnv(t *testing.T, dir string, pr int) func(string) string {
	t.Helper()
	event := filepath.Join(dir, fmt.Sprintf("event-%d.json", pr))
	if err := os.WriteFile(event, []byte(fmt.Sprintf(`{"action":"synchronize","number":%d,"pull_request":{"number":%d,"head":{"sha":"x"}}}`, pr, pr)), 0o644); err != nil {
		t.Fatal(err)
	}
	vars := map[string]string{
		"GITHUB_ACTIONS": "true", "GITHUB_REPOSITORY": "acme/payments", "GITHUB_SHA": fmt.Sprintf("%040x", pr),
		"GITHUB_REF": fmt.Sprintf("refs/pull/%d/merge", pr), "GITHUB_ACTOR": "alice", "GITHUB_RUN_ID": fmt.Sprint(7000 + pr),
		"GITHUB_RUN_ATTEMPT": "1", "GITHUB_WORKFLOW": "gate", "GITHUB_EVENT_NAME": "pull_request",
		"GITHUB_SERVER_URL": "https://github.com", "GITHUB_EVENT_PATH": event,
	}
	return func(k string) string { return vars[k] }
}

// checkRuns runs the engine over the example stacks n times, a day apart,
// and writes each run's evidence as `gate check --evidence FILE
// --evidence-log LOG` would.
func checkRuns(t *testing.T, n int, file, log string) {
	t.Helper()
	ctx := context.Background()
	eng, err := engine.New(ctx, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	for i := 0; i < n; i++ {
		dir := "fixtures/example"
		if i%2 == 1 {
			dir = "fixtures/example-fixed"
		}
		opts := engine.Options{
			Root: repoRoot, Paths: []string{filepath.Join(repoRoot, dir)}, FailOn: model.SeverityMedium,
			Now: time.Date(2026, 1, 1+i, 12, 0, 0, 0, time.UTC),
		}
		res, err := eng.Run(ctx, opts)
		if err != nil {
			t.Fatal(err)
		}
		env := Env{Stderr: &bytes.Buffer{}, Getenv: actionsEnv(t, tmp, 100+i)}
		if err := writeEvidence(ctx, &env, res, opts, file, log); err != nil {
			t.Fatal(err)
		}
	}
}

func TestEvidenceCLI(t *testing.T) {
	for _, kind := range []string{"dir", "sqlite"} {
		t.Run(kind, func(t *testing.T) {
			tmp := t.TempDir()
			log := filepath.Join(tmp, "evidence")
			if kind == "sqlite" {
				log += ".db"
			}
			file := filepath.Join(tmp, "out", "gate-evidence.json")
			checkRuns(t, 10, file, log)

			code, out, errs := runSub(t, Env{}, "evidence", "verify", log)
			if code != 0 || !strings.Contains(out, "10 record(s) verified") || !strings.Contains(out, "acme/payments") {
				t.Fatalf("verify: exit %d\n%s%s", code, out, errs)
			}
			// The --evidence file is the log's last record.
			c, _ := evidence.NewChecker()
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			last, err := c.Parse(data)
			if err != nil {
				t.Fatal(err)
			}
			if last.Sequence != 10 || last.Run.PullRequest != 109 || last.Run.URL != "https://github.com/acme/payments/actions/runs/7109" {
				t.Errorf("last record: sequence %d, run %+v", last.Sequence, last.Run)
			}
			if !strings.Contains(out, last.Digest) {
				t.Errorf("verify does not print the head digest %s:\n%s", last.Digest, out)
			}
			if code, _, _ := runSub(t, Env{}, "evidence", "verify", "--head", last.Digest, log); code != 0 {
				t.Errorf("verify --head <last digest>: exit %d", code)
			}
			if code, _, errs := runSub(t, Env{}, "evidence", "verify", "--head", strings.Repeat("0", 64), log); code != 1 || !strings.Contains(errs, "removed from the end") {
				t.Errorf("verify --head <other digest>: exit %d\n%s", code, errs)
			}
			if code, out, _ := runSub(t, Env{}, "evidence", "verify", file); code != 0 || !strings.Contains(out, "1 record(s) verified") {
				t.Errorf("verify FILE: exit %d %s", code, out)
			}

			// query: the example runs (even days) fail at medium.
			code, out, errs = runSub(t, Env{}, "evidence", "query", "--control", "cc6.1", "--since", "2026-01-03", "--until", "2026-01-08", "-f", "json", log)
			if code != 0 {
				t.Fatalf("query: exit %d\n%s", code, errs)
			}
			var q evidence.QueryResult
			if err := json.Unmarshal([]byte(out), &q); err != nil {
				t.Fatal(err)
			}
			if q.Framework != model.FrameworkSOC2 || q.Control != "CC6.1" || q.Records != 6 || q.Runs != 6 || q.Title == "" {
				t.Errorf("query: %s", out)
			}
			code, out, _ = runSub(t, Env{}, "evidence", "query", "--control", "CC6.1", log)
			if code != 0 || !strings.Contains(out, "SOC 2 CC6.1 — ") || !strings.Contains(out, "(10 run(s))") {
				t.Errorf("query text: exit %d\n%s", code, out)
			}

			// report in every format.
			for _, f := range []string{"markdown", "html", "json", "csv"} {
				code, out, errs := runSub(t, Env{}, "report", "-f", f, log)
				if code != 0 || len(out) < 1000 || !strings.Contains(errs, "SOC 2: ") {
					t.Errorf("report -f %s: exit %d, %d bytes\n%s", f, code, len(out), errs)
				}
			}
			out1 := filepath.Join(tmp, "r", "compliance.html")
			if code, _, errs := runSub(t, Env{}, "report", "-o", out1, "--framework", "soc2", log); code != 0 {
				t.Fatalf("report -o: exit %d %s", code, errs)
			} else if b, _ := os.ReadFile(out1); !bytes.HasPrefix(b, []byte("<!DOCTYPE html>")) || bytes.Contains(b, []byte(`id="fw-nist_800_53r5"`)) {
				t.Errorf("report -o x.html --framework soc2: not an HTML report of SOC 2 only")
			}

			// Damage one record: verify names it; the report covers the rest.
			bad := damage(t, kind, log, 5)
			code, _, errs = runSub(t, Env{}, "evidence", "verify", log)
			if code != 1 || !strings.Contains(errs, "record "+bad) {
				t.Errorf("verify after damage: exit %d, want 1 naming %s\n%s", code, bad, errs)
			}
			code, out, errs = runSub(t, Env{}, "report", "-f", "json", log)
			if code != 1 || !strings.Contains(errs, bad) {
				t.Errorf("report after damage: exit %d, want 1 naming %s\n%s", code, bad, errs)
			}
			var rep struct {
				Runs     int `json:"runs"`
				Problems []struct {
					Record string `json:"record"`
				} `json:"problems"`
			}
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatalf("report after damage: %v\n%s", err, out)
			}
			if rep.Runs != 9 || len(rep.Problems) == 0 || rep.Problems[0].Record != bad {
				t.Errorf("report after damage: %d runs, problems %+v", rep.Runs, rep.Problems)
			}
			if code, _, errs := runSub(t, Env{}, "evidence", "query", "--control", "CC6.1", log); code != 1 || !strings.Contains(errs, bad) {
				t.Errorf("query after damage: exit %d\n%s", code, errs)
			}
		})
	}
}

// damage edits record seq of a log and returns the name problems give it.
func damage(t *testing.T, kind, log string, seq int) string {
	t.Helper()
	if kind == "dir" {
		files, _ := filepath.Glob(filepath.Join(log, fmt.Sprintf("%06d-*.json", seq)))
		if len(files) != 1 {
			t.Fatalf("record %d: %v", seq, files)
		}
		b, _ := os.ReadFile(files[0])
		b[len(b)/3] ^= 0x01
		os.Chmod(files[0], 0o644)
		if err := os.WriteFile(files[0], b, 0o444); err != nil {
			t.Fatal(err)
		}
		return filepath.Base(files[0])
	}
	db, err := sql.Open("sqlite", log)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range []string{`DROP TRIGGER records_no_update`, fmt.Sprintf(`UPDATE records SET body = replace(body, '"exit_code": 1', '"exit_code": 0') WHERE seq = %d`, seq)} {
		if _, err := db.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	return fmt.Sprintf("#%d", seq)
}

func TestEvidenceMeta(t *testing.T) {
	tmp := t.TempDir()
	env := Env{Getenv: actionsEnv(t, tmp, 42)}
	meta, err := evidenceMeta(&env, engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := evidence.Run{Repository: "acme/payments", Commit: fmt.Sprintf("%040x", 42), Ref: "refs/pull/42/merge", PullRequest: 42,
		Actor: "alice", RunID: "7042", RunAttempt: "1", Workflow: "gate", Event: "pull_request", URL: "https://github.com/acme/payments/actions/runs/7042"}
	if meta.Run != want {
		t.Errorf("run %+v\nwant %+v", meta.Run, want)
	}
	if !evidence.IsDigest(meta.RulePackDigest) || meta.Version == "" {
		t.Errorf("tool: %+v", meta)
	}
	if meta, _ := evidenceMeta(&env, engine.Options{NoBuiltin: true}); meta.RulePackDigest != "" {
		t.Error("a rule pack digest without the built-in pack")
	}
	// Outside Actions: nothing made up.
	if meta, err := evidenceMeta(&Env{Getenv: func(string) string { return "" }}, engine.Options{}); err != nil || meta.Run != (evidence.Run{}) {
		t.Errorf("local run: %+v %v", meta.Run, err)
	}
	tests := []struct {
		name, event string
		pr          int
		err         string
	}{
		{"push event", `{"ref":"refs/heads/main","after":"abc"}`, 0, ""},
		{"pull request", `{"pull_request":{"number":7}}`, 7, ""},
		{"broken event", `{"pull_request":`, 0, "not a GitHub event"},
		{"missing event", "", 0, "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "event.json")
			if tt.event != "" {
				os.WriteFile(p, []byte(tt.event), 0o644)
			}
			env := Env{Getenv: func(k string) string {
				if k == "GITHUB_EVENT_PATH" {
					return p
				}
				return ""
			}}
			meta, err := evidenceMeta(&env, engine.Options{})
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) || !strings.Contains(err.Error(), "GITHUB_EVENT_PATH") {
					t.Errorf("error %v, want one naming GITHUB_EVENT_PATH saying %q", err, tt.err)
				}
				return
			}
			if err != nil || meta.Run.PullRequest != tt.pr {
				t.Errorf("pull request %d (%v), want %d", meta.Run.PullRequest, err, tt.pr)
			}
		})
	}
}

func TestEvidenceWriteFileOnly(t *testing.T) {
	tmp := t.TempDir()
	file := filepath.Join(tmp, "e.json")
	checkRuns(t, 1, file, "")
	c, _ := evidence.NewChecker()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	r, err := c.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	if r.Sequence != 0 || r.PrevDigest != "" || len(r.Inputs) == 0 || len(r.Rules) == 0 {
		t.Errorf("record on its own: sequence %d, prev %q, %d inputs, %d rules", r.Sequence, r.PrevDigest, len(r.Inputs), len(r.Rules))
	}
	for _, in := range r.Inputs {
		if !evidence.IsDigest(in.SHA256) {
			t.Errorf("input %s without a SHA-256", in.Path)
		}
	}
	// A record on its own cannot be a log's record.
	dir := filepath.Join(tmp, "log")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "000001-20260101T120000Z-"+r.Digest[:12]+".json"), b, 0o444)
	if code, _, errs := runSub(t, Env{}, "evidence", "verify", dir); code != 1 || !strings.Contains(errs, "written on its own") {
		t.Errorf("verify: exit %d\n%s", code, errs)
	}
	// Nothing asked, nothing written.
	if err := writeEvidence(context.Background(), &Env{}, nil, engine.Options{}, "", ""); err != nil {
		t.Error(err)
	}
}

func TestReportCLIErrors(t *testing.T) {
	tmp := t.TempDir()
	file := filepath.Join(tmp, "e.json")
	checkRuns(t, 1, file, "")
	tests := []struct {
		args []string
		code int
		says string
	}{
		{[]string{"report", "-f", "pdf", file}, 2, `--format "pdf"`},
		{[]string{"report", filepath.Join(tmp, "nope")}, 2, "no such file"},
		{[]string{"report", "--since", "2026-02-01", "--until", "2026-01-01", file}, 2, "not before"},
		{[]string{"report", "--since", "last week", file}, 2, "--since"},
		{[]string{"report", "--framework", "pci", file}, 2, "unknown framework"},
		{[]string{"report", filepath.Join(tmp, "nope.db")}, 2, "no such file"},
		// A directory that is not a log (it holds e.json): readable, every entry bad.
		{[]string{"report", tmp}, 1, "not an evidence record"},
		{[]string{"evidence", "query", file}, 2, "--control is required"},
		{[]string{"evidence", "query", "--control", "ZZ-99", file}, 2, "not a control"},
		{[]string{"evidence", "query", "--control", "CC6.1", "--framework", "iso27001", file}, 2, "not a control of ISO"},
		{[]string{"evidence", "query", "--control", "CC6.1", "-f", "xml", file}, 2, "want text or json"},
		{[]string{"evidence", "verify", filepath.Join(tmp, "nope")}, 2, "no such file"},
		{[]string{"evidence", "verify"}, 2, "accepts 1 arg"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, _, errs := runSub(t, Env{}, tt.args...)
			if code != tt.code || !strings.Contains(errs, tt.says) {
				t.Errorf("exit %d, want %d saying %q\n%s", code, tt.code, tt.says, errs)
			}
		})
	}
}

func TestEvidenceResolveControl(t *testing.T) {
	cat, err := catalog.New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		fw, id       string
		wantFW, want string
	}{
		{"", "CC8.1", model.FrameworkSOC2, "CC8.1"},
		{"", "cc8.1", model.FrameworkSOC2, "CC8.1"},
		{"", "A.8.32", model.FrameworkISO27001, "A.8.32"},
		{"", "PR.PS-01", model.FrameworkNISTCSF, "PR.PS-01"},
		{"", "CM-3", model.FrameworkNIST80053, "CM-3"},
		{"nist-800-53", "ac-6(9)", model.FrameworkNIST80053, "AC-6(9)"},
		{"", "nope", "", ""},
	}
	for _, tt := range tests {
		fw, id, err := resolveControl(cat, tt.fw, tt.id)
		if fw != tt.wantFW || id != tt.want || (tt.want == "") != (err != nil) {
			t.Errorf("%s %s: %s %s %v, want %s %s", tt.fw, tt.id, fw, id, err, tt.wantFW, tt.want)
		}
	}
}
