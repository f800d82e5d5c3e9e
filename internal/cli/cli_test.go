package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// repoRoot is the repository root, relative to this package.
const repoRoot = "../.."

func run(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, Env{Stdout: &out, Stderr: &errb, Dir: dir})
	return code, out.String(), errb.String()
}

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const goodPlan = `{"format_version":"1.2","terraform_version":"1.9.0","resource_changes":[
 {"address":"aws_ebs_volume.v","mode":"managed","type":"aws_ebs_volume","name":"v","provider_name":"registry.terraform.io/hashicorp/aws",
  "change":{"actions":["create"],"after":{"encrypted":true,"size":1},"after_unknown":{"id":true}}}]}`

func TestCheckExitCodes(t *testing.T) {
	tmp := t.TempDir()
	write(t, tmp, "good/x.tfplan.json", goodPlan)
	write(t, tmp, "bad/trunc.tfplan.json", `{"format_version":"1.2","resource_changes":[`)
	write(t, tmp, "notplan.json", `{"name":"package.json"}`)
	write(t, tmp, "future.json", `{"format_version":"9.0","resource_changes":[]}`)
	write(t, tmp, "mixed/a.tfplan.json", goodPlan)
	write(t, tmp, "mixed/b.tfplan.json", `not json`)
	if err := os.MkdirAll(filepath.Join(tmp, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, tmp, "policy/boom.rego", "package boom\n\ndeny contains msg if {\n\tmsg := sprintf(\"%v\", [to_number(\"not a number\")])\n}\n")

	tests := []struct {
		name     string
		args     []string
		want     int
		contains []string // in stdout+stderr
	}{
		{"example blocks", []string{"check", filepath.Join(repoRoot, "fixtures/example")}, 1,
			[]string{"GATE-AWS-", "SOC 2 CC6.1", "ISO 27001 A.8.24", "exit 1"}},
		{"fixed example passes", []string{"check", filepath.Join(repoRoot, "fixtures/example-fixed")}, 0, []string{"exit 0"}},
		{"clean plan", []string{"check", "--root", tmp, "good"}, 0, []string{"1 document(s)"}},
		{"truncated plan named", []string{"check", "--root", tmp, "--plan", "bad/trunc.tfplan.json"}, 2,
			[]string{"bad/trunc.tfplan.json:1:", "unexpected end of file"}},
		{"json that is not a plan", []string{"check", "--root", tmp, "notplan.json"}, 2, []string{"notplan.json", "no format_version"}},
		{"unsupported format version", []string{"check", "--root", tmp, "future.json"}, 2, []string{"future.json", "unsupported plan format version"}},
		{"discovered bad plan is a blocking finding, the good one is still read", []string{"check", "--root", tmp, "mixed"}, 1,
			[]string{"GATE-INPUT-001", "mixed/b.tfplan.json", "2 document(s)"[0:0] + "1 document(s)"}},
		{"empty directory", []string{"check", "--root", tmp, "empty"}, 2, []string{"no inputs found"}},
		{"empty directory allowed", []string{"check", "--root", tmp, "--allow-empty", "empty"}, 0, nil},
		{"missing path", []string{"check", "--root", tmp, "nope"}, 2, []string{"nope"}},
		{"rule error fails closed", []string{"check", "--root", tmp, "--no-builtin", "--policy", "policy", "good"}, 2,
			[]string{"policy/boom.rego", "boom"}},
		{"bad fail-on", []string{"check", "--fail-on", "severe", "good"}, 2, []string{"unknown severity"}},
		{"bad format", []string{"check", "-f", "xml", "good"}, 2, []string{"unknown --format"}},
		{"two stdout formats", []string{"check", "-f", "text", "-f", "json", "good"}, 2, []string{"stdout"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := tmp
			if strings.HasPrefix(tc.name, "example") || strings.HasPrefix(tc.name, "fixed") {
				dir = ""
			}
			code, out, errOut := run(t, dir, tc.args...)
			if code != tc.want {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.want, out, errOut)
			}
			for _, c := range tc.contains {
				if !strings.Contains(out+errOut, c) {
					t.Errorf("output lacks %q\nstdout:\n%s\nstderr:\n%s", c, out, errOut)
				}
			}
		})
	}
}

func TestCheckSARIFIsDeterministic(t *testing.T) {
	tmp := t.TempDir()
	a, b := filepath.Join(tmp, "a.sarif"), filepath.Join(tmp, "b.sarif")
	for _, out := range []string{a, b} {
		code, _, errOut := run(t, "", "check", filepath.Join(repoRoot, "fixtures/example"), "-f", "text", "-f", "sarif", "-o", "-", "-o", out)
		if code != 1 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
	}
	ab, _ := os.ReadFile(a)
	bb, _ := os.ReadFile(b)
	if len(ab) == 0 || !bytes.Equal(ab, bb) {
		t.Fatal("SARIF differs between two runs on the same input")
	}
	var doc struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string } `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(ab, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Runs[0].Results) == 0 {
		t.Fatal("no SARIF results for the example")
	}
	for _, r := range doc.Runs[0].Results {
		if uri := r.Locations[0].PhysicalLocation.ArtifactLocation.URI; !strings.HasPrefix(uri, "fixtures/example/") {
			t.Errorf("%s: location %q is not relative to the repository root", r.RuleID, uri)
		}
	}
}

func TestRulesCommand(t *testing.T) {
	code, out, errOut := run(t, "", "rules", "-f", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rules []struct {
		ID       string              `json:"id"`
		Controls map[string][]string `json:"controls"`
	}
	if err := json.Unmarshal([]byte(out), &rules); err != nil {
		t.Fatal(err)
	}
	if len(rules) == 0 {
		t.Fatal("no rules listed")
	}
	code, out, _ = run(t, "", "rules", "--framework", "soc2")
	if code != 0 || !strings.Contains(out, "SOC2") || !strings.Contains(out, "rule(s)") {
		t.Errorf("rules --framework soc2: exit %d\n%s", code, out)
	}
	if code, _, _ := run(t, "", "rules", "--framework", "pci"); code != 2 {
		t.Errorf("unknown framework: exit %d, want 2", code)
	}
}

func TestTestCommand(t *testing.T) {
	tmp := t.TempDir()
	write(t, tmp, "p/deny.rego", "package p\n\ndeny contains \"no\" if input.bad\n")
	write(t, tmp, "p/deny_test.rego", "package p_test\n\nimport data.p\n\ntest_bad if { count(p.deny) == 1 with input as {\"bad\": true} }\n")
	if code, out, errOut := run(t, tmp, "test", "p"); code != 0 || !strings.Contains(out, "1 passed, 0 failed") {
		t.Errorf("passing tests: exit %d\n%s%s", code, out, errOut)
	}
	write(t, tmp, "q/deny.rego", "package q\n\ndeny contains \"no\" if input.bad\n")
	write(t, tmp, "q/deny_test.rego", "package q_test\n\nimport data.q\n\ntest_wrong if { count(q.deny) == 0 with input as {\"bad\": true} }\n")
	if code, out, _ := run(t, tmp, "test", "q"); code != 1 || !strings.Contains(out, "FAIL") {
		t.Errorf("failing test: exit %d\n%s", code, out)
	}
}

func TestLimits(t *testing.T) {
	tmp := t.TempDir()
	write(t, tmp, "p/x.tfplan.json", goodPlan)
	tests := []struct {
		name     string
		args     []string
		want     int
		contains string
	}{
		{"file over the size limit", []string{"check", "--root", tmp, "--max-file-size", "100", "--plan", "p/x.tfplan.json"}, 2, "over the 100 byte limit"},
		{"discovered file over the limit is a finding", []string{"check", "--root", tmp, "--max-file-size", "100", "p"}, 1, "GATE-INPUT-001"},
		{"timeout", []string{"check", "--root", tmp, "--timeout", "1ns", "p"}, 2, "--timeout"},
		{"bad size", []string{"check", "--root", tmp, "--max-file-size", "0", "p"}, 2, "must be positive"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := run(t, tmp, tc.args...)
			if code != tc.want || !strings.Contains(out+errOut, tc.contains) {
				t.Errorf("exit %d (want %d), output lacks %q?\n%s%s", code, tc.want, tc.contains, out, errOut)
			}
		})
	}
}

func TestUnsafeBuiltinsRejected(t *testing.T) {
	tmp := t.TempDir()
	write(t, tmp, "p/x.tfplan.json", goodPlan)
	write(t, tmp, "policy/leak.rego", "package leak\n\ndeny contains msg if {\n\tmsg := sprintf(\"%v\", [opa.runtime().env])\n}\n")
	write(t, tmp, "policy2/net.rego", "package net\n\ndeny contains msg if {\n\tr := http.send({\"method\": \"get\", \"url\": \"http://example.com\"})\n\tmsg := r.body\n}\n")
	for _, dir := range []string{"policy", "policy2"} {
		code, out, errOut := run(t, tmp, "check", "--root", tmp, "--no-builtin", "--policy", dir, "p")
		if code != 2 || !strings.Contains(errOut, dir) || !strings.Contains(errOut, "undefined function") {
			t.Errorf("%s: exit %d\n%s%s", dir, code, out, errOut)
		}
	}
}

// TestRulesMarkdownIsCurrent keeps rules/RULES.md in step with the pack.
func TestRulesMarkdownIsCurrent(t *testing.T) {
	code, out, errOut := run(t, "", "rules", "-f", "markdown")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want, err := os.ReadFile(filepath.Join(repoRoot, "rules/RULES.md"))
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Error("rules/RULES.md is out of date: run `go run ./cmd/gate rules -f markdown > rules/RULES.md`")
	}
}

// TestPlanMappedToSource: plan findings point at the .tf line of their
// resource, through local modules; inline `# gate:ignore` comments apply
// until they expire.
func TestPlanMappedToSource(t *testing.T) {
	sarif := filepath.Join(t.TempDir(), "m.sarif")
	code, out, errOut := run(t, "", "check", filepath.Join(repoRoot, "fixtures/terraform/mapped"),
		"--enable", "GATE-AWS-EBS-001,GATE-AWS-RDS-001", "-f", "text", "-f", "sarif", "-o", "-", "-o", sarif)
	if code != 1 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	for _, want := range []string{
		"module.db.aws_db_instance.this[0]  fixtures/terraform/mapped/modules/db/main.tf:11",
		"also: fixtures/terraform/mapped/plan.json:",
		`excepted: "scratch volume for load tests, no customer data" until 2099-12-31 (fixtures/terraform/mapped/main.tf:7`,
		"aws_ebs_volume.old  fixtures/terraform/mapped/main.tf:18",
		"(exception expired 2025-01-31)",
		"exception for GATE-AWS-EBS-001 on aws_ebs_volume.old expired on 2025-01-31",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q\n%s", want, out)
		}
	}
	b, err := os.ReadFile(sarif)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"uri": "fixtures/terraform/mapped/modules/db/main.tf"`, `"kind": "inSource"`,
		`"justification": "scratch volume for load tests, no customer data"`, `"uriBaseId": "%SRCROOT%"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("SARIF lacks %s", want)
		}
	}
}
