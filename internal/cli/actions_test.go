package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// fakeActions is a GitHub Actions runner environment: event file, output
// and summary files.
func fakeActions(t *testing.T, extra map[string]string) (map[string]string, func(string) string) {
	t.Helper()
	dir := t.TempDir()
	event := filepath.Join(dir, "event.json")
	if err := os.WriteFile(event, []byte(`{"pull_request":{"number":7,"base":{"ref":"main"}},"repository":{"full_name":"acme/app","private":true}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{
		"GITHUB_ACTIONS":      "true",
		"GITHUB_EVENT_NAME":   "pull_request",
		"GITHUB_EVENT_PATH":   event,
		"GITHUB_REPOSITORY":   "acme/app",
		"GITHUB_SHA":          "0123456789abcdef0123456789abcdef01234567",
		"GITHUB_OUTPUT":       filepath.Join(dir, "output"),
		"GITHUB_STEP_SUMMARY": filepath.Join(dir, "summary.md"),
		"RUNNER_TEMP":         dir,
	}
	for k, v := range extra {
		env[k] = v
	}
	return env, func(k string) string { return env[k] }
}

func TestActionEntryPath(t *testing.T) {
	env, getenv := fakeActions(t, nil)
	sarif := filepath.Join(t.TempDir(), "gate.sarif")
	var out, errb bytes.Buffer
	code := Run(context.Background(),
		[]string{"check", "--fail-on", "high", "-f", "text", "-f", "sarif", "-o", "-", "-o", sarif, filepath.Join(repoRoot, "fixtures/example")},
		Env{Stdout: &out, Stderr: &errb, Getenv: getenv})
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s%s", code, out.String(), errb.String())
	}
	stdout := out.String()
	errorAnn := regexp.MustCompile(`(?m)^::error [^:]*file=fixtures/example/[^,]+,line=\d+`)
	n := len(errorAnn.FindAllString(stdout, -1))
	if n == 0 || n > maxAnnotations {
		t.Errorf("%d error annotations at file:line, want 1..%d\n%s", n, maxAnnotations, stdout)
	}
	if !strings.Contains(stdout, "::group::gate findings") || !strings.Contains(stdout, "::endgroup::") {
		t.Error("text output is not in a log group")
	}
	if !strings.Contains(stdout, "title=GATE-") {
		t.Error("annotations lack the rule id title")
	}
	outputs, err := os.ReadFile(env["GITHUB_OUTPUT"])
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"findings<<", "blocking<<", "exit-code<<", "sarif-file<<"} {
		if !strings.Contains(string(outputs), want) {
			t.Errorf("GITHUB_OUTPUT lacks %s:\n%s", want, outputs)
		}
	}
	if !regexp.MustCompile(`exit-code<<\S+\n1\n`).Match(outputs) {
		t.Errorf("exit-code output is not 1:\n%s", outputs)
	}
	summary, err := os.ReadFile(env["GITHUB_STEP_SUMMARY"])
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"## ❌ gate:", "### Blocking", "### Controls", "| SOC 2 |"} {
		if !strings.Contains(string(summary), want) {
			t.Errorf("summary lacks %q:\n%s", want, summary)
		}
	}
	if st, err := os.Stat(sarif); err != nil || st.Size() == 0 {
		t.Errorf("SARIF not written: %v", err)
	}
	ev := filepath.Join(env["RUNNER_TEMP"], "gate-evidence.json")
	if st, err := os.Stat(ev); err != nil || st.Size() == 0 {
		t.Errorf("evidence record not written by default in Actions: %v", err)
	}
	if !strings.Contains(string(outputs), "evidence-file<<") {
		t.Errorf("GITHUB_OUTPUT lacks evidence-file")
	}
}

func TestActionCapsAnnotations(t *testing.T) {
	_, getenv := fakeActions(t, nil)
	var out bytes.Buffer
	js := filepath.Join(t.TempDir(), "r.json")
	// --fail-on info makes every failing finding of the example blocking.
	Run(context.Background(), []string{"check", "--fail-on", "info", "-f", "text", "-f", "json", "-o", "-", "-o", js,
		filepath.Join(repoRoot, "fixtures/example")}, Env{Stdout: &out, Getenv: getenv})
	b, err := os.ReadFile(js)
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Summary struct {
			Blocking int `json:"blocking"`
		} `json:"summary"`
	}
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatal(err)
	}
	errs := len(regexp.MustCompile(`(?m)^::error `).FindAllString(out.String(), -1))
	if want := min(rep.Summary.Blocking, maxAnnotations); errs != want {
		t.Errorf("%d error annotations for %d blocking findings, want %d", errs, rep.Summary.Blocking, want)
	}
	if notice := strings.Contains(out.String(), "::notice::gate: "); notice != (rep.Summary.Blocking > maxAnnotations) {
		t.Errorf("summary notice present = %v with %d blocking findings", notice, rep.Summary.Blocking)
	}
}

func TestActionBadInputAnnotates(t *testing.T) {
	_, getenv := fakeActions(t, nil)
	var out bytes.Buffer
	code := Run(context.Background(), []string{"check", "--fail-on", "sometimes", "."}, Env{Stdout: &out, Getenv: getenv})
	if code != 2 || !strings.Contains(out.String(), "::error title=gate::") || !strings.Contains(out.String(), "unknown severity") {
		t.Errorf("exit %d, output:\n%s", code, out.String())
	}
}

func TestExceptionsThroughCheck(t *testing.T) {
	tmp := t.TempDir()
	plan := `{"format_version":"1.2","resource_changes":[
 {"address":"aws_ebs_volume.scratch","mode":"managed","type":"aws_ebs_volume","name":"scratch","provider_name":"registry.terraform.io/hashicorp/aws",
  "change":{"actions":["create"],"after":{"encrypted":false,"size":1},"after_unknown":{"id":true}}}]}`
	write(t, tmp, "infra/plan.json", plan)
	now := func() time.Time { return time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC) }
	exc := func(expires string) string {
		return "exceptions:\n  - rule: GATE-AWS-EBS-001\n    resource: aws_ebs_volume.scratch\n    owner: alice\n    justification: scratch volume, no customer data\n    ticket: SEC-1\n    expires: " + expires + "\n"
	}
	tests := []struct {
		name     string
		expires  string
		want     int
		contains []string
	}{
		{"valid exception does not block", "2027-01-15", 0, []string{"EXCEPTED (1)", `excepted: "scratch volume, no customer data" until 2027-01-15`}},
		{"expired exception blocks and names itself", "2026-11-01", 1, []string{"GATE-EXCEPTION-001", "expired on 2026-11-01", ".gate/exceptions.yaml:2"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			write(t, tmp, ".gate/exceptions.yaml", exc(tc.expires))
			var out, errb bytes.Buffer
			code := Run(context.Background(), []string{"check", "--root", tmp, "infra"}, Env{Stdout: &out, Stderr: &errb, Dir: tmp, Now: now})
			if code != tc.want {
				t.Errorf("exit %d, want %d\n%s%s", code, tc.want, out.String(), errb.String())
			}
			for _, c := range tc.contains {
				if !strings.Contains(out.String(), c) {
					t.Errorf("output lacks %q:\n%s", c, out.String())
				}
			}
		})
	}
	t.Run("exception without expiry is exit 2 with file and line", func(t *testing.T) {
		write(t, tmp, ".gate/exceptions.yaml", strings.Replace(exc("x"), "    expires: x\n", "", 1))
		var out, errb bytes.Buffer
		code := Run(context.Background(), []string{"check", "--root", tmp, "infra"}, Env{Stdout: &out, Stderr: &errb, Dir: tmp, Now: now})
		if code != 2 || !strings.Contains(errb.String(), "exceptions.yaml:2") || !strings.Contains(errb.String(), "lacks expires") {
			t.Errorf("exit %d\n%s", code, errb.String())
		}
	})
}

// TestActionYAML checks action.yml declares the documented inputs and
// outputs and that its run step passes every input on.
func TestActionYAML(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(repoRoot, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a struct {
		Inputs  map[string]any `yaml:"inputs"`
		Outputs map[string]struct {
			Value string `yaml:"value"`
		} `yaml:"outputs"`
		Runs struct {
			Using string `yaml:"using"`
			Steps []struct {
				ID  string            `yaml:"id"`
				Env map[string]string `yaml:"env"`
				Run string            `yaml:"run"`
			} `yaml:"steps"`
		} `yaml:"runs"`
	}
	if err := yaml.Unmarshal(b, &a); err != nil {
		t.Fatal(err)
	}
	for _, in := range []string{"path", "plan", "frameworks", "fail-on", "sarif-file", "config", "github-token", "version"} {
		if _, ok := a.Inputs[in]; !ok {
			t.Errorf("input %s missing", in)
		}
	}
	for _, o := range []string{"findings", "blocking", "sarif-file", "exit-code", "evidence-file"} {
		if !strings.Contains(a.Outputs[o].Value, "steps.gate.outputs."+o) {
			t.Errorf("output %s = %q", o, a.Outputs[o].Value)
		}
	}
	var env map[string]string
	for _, s := range a.Runs.Steps {
		if s.ID == "gate" {
			env = s.Env
		}
	}
	for in := range a.Inputs {
		found := false
		for _, v := range env {
			if strings.Contains(v, "inputs."+in) {
				found = true
			}
		}
		if !found {
			t.Errorf("input %s is not passed to the gate step", in)
		}
	}
	if a.Runs.Using != "composite" {
		t.Errorf("runs.using = %q", a.Runs.Using)
	}
}

func TestExceptionsCommand(t *testing.T) {
	tmp := t.TempDir()
	write(t, tmp, ".git/HEAD", "ref: refs/heads/main\n")
	write(t, tmp, ".gate/exceptions.yaml", `exceptions:
  - rule: GATE-AWS-EBS-001
    resource: aws_ebs_volume.scratch
    owner: alice
    justification: scratch volume
    ticket: SEC-1
    expires: 2026-12-01
  - rule: GATE-AWS-RDS-001
    resource: aws_db_instance.legacy
    owner: bob
    justification: migration in progress
    expires: 2026-11-01
`)
	now := func() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC) }
	var out bytes.Buffer
	code := Run(context.Background(), []string{"exceptions", "-f", "json"}, Env{Stdout: &out, Dir: tmp, Now: now})
	if code != 1 {
		t.Errorf("exit %d with an expired exception, want 1", code)
	}
	var rows []exceptionRow
	if err := json.Unmarshal(out.Bytes(), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].DaysLeft != 8 || rows[0].Status != "expiring" || rows[1].Status != "expired" || rows[1].DaysLeft != -22 {
		t.Errorf("rows = %+v", rows)
	}
}

// TestBaselineAndNewOnly: findings in a baseline SARIF, or already present on
// the base branch, are reported but do not block; new ones do.
func TestBaselineAndNewOnly(t *testing.T) {
	repo := t.TempDir()
	gitRun(t, repo, "init", "-q", "-b", "main")
	write(t, repo, "infra/main.tf", openSSH)
	gitRun(t, repo, "add", ".")
	gitRun(t, repo, "commit", "-q", "-m", "base")
	gitRun(t, repo, "branch", "base")
	// The change adds a second group that opens RDP.
	write(t, repo, "infra/rdp.tf", strings.ReplaceAll(strings.ReplaceAll(openSSH, "bastion", "rdp"), "= 22", "= 3389"))
	gitRun(t, repo, "add", ".")
	gitRun(t, repo, "commit", "-q", "-m", "change")

	only := []string{"--enable", "GATE-AWS-EC2-001"}
	var out bytes.Buffer
	code := Run(context.Background(), append([]string{"check", "--new-only", "--base", "base", "infra"}, only...),
		Env{Stdout: &out, Stderr: &out, Dir: repo})
	if code != 1 {
		t.Fatalf("--new-only: exit %d\n%s", code, out.String())
	}
	text := out.String()
	if !strings.Contains(text, "1 blocking") || !strings.Contains(text, "1 in baseline") || !strings.Contains(text, "aws_security_group.rdp") {
		t.Errorf("--new-only should block only on the new group:\n%s", text)
	}

	// A baseline SARIF of the current state: nothing new, nothing blocks.
	sarif := filepath.Join(t.TempDir(), "old.sarif")
	out.Reset()
	Run(context.Background(), append([]string{"check", "infra", "-f", "sarif", "-o", sarif}, only...), Env{Stdout: &out, Dir: repo})
	out.Reset()
	code = Run(context.Background(), append([]string{"check", "--baseline", sarif, "infra"}, only...), Env{Stdout: &out, Stderr: &out, Dir: repo})
	if code != 0 || !strings.Contains(out.String(), "2 in baseline") {
		t.Errorf("--baseline: exit %d\n%s", code, out.String())
	}
}
