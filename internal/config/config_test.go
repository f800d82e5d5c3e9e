package config

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoad(t *testing.T) {
	tests := []struct {
		name    string
		content string
		wantErr string
	}{
		{"full", "frameworks: [soc2, iso27001]\nfail_on: medium\nunknown: fail\nrules:\n  disable: [GATE-AWS-S3-004]\nparams:\n  GATE-GH-002:\n    required_approvals: 2\nexclude: [fixtures/**]\npolicies: [policy]\nexceptions: risk/exceptions.yaml\nmax_exception_days: 30\ngithub:\n  repo: acme/app\n", ""},
		{"empty", "", ""},
		{"params", "params:\n  GATE-X-001:\n    when: 2024-01-01\n    at: 2024-01-01T10:00:00Z\n    n: 3\n    m: {k: [true, null, 1.5]}\n", ""},
		{"unknown key", "frameworks: [soc2]\nfail-on: high\n", "unknown key \"fail-on\""},
		{"unknown nested key", "rules:\n  enabled: [x]\n", ":2: unknown key \"enabled\""},
		{"duplicate key", "fail_on: high\nfail_on: low\n", ":2: mapping key \"fail_on\" already defined"},
		{"bad yaml", "frameworks: [soc2\n", ".gate.yaml:1:"},
		{"negative days", "max_exception_days: -1\n", "must not be negative"},
		// Found by FuzzLoadConfig: these values reached OPA's store and panicked it.
		{"infinite param", "params:\n  GATE-X-001:\n    max_days: .inf\n", ":3: params.GATE-X-001.max_days: +Inf is not a finite number"},
		{"NaN param", "params:\n  GATE-X-001:\n    v: [1, .nan]\n", ":3: params.GATE-X-001.v: [1]: NaN is not a finite number"},
		{"non-string key in param", "params:\n  GATE-X-001:\n    m: {1: one}\n", ":3: params.GATE-X-001.m: mapping key 1 is not a string"},
		{"non-string rule id", "params:\n  7: {a: 1}\n", ":2: params: key \"7\" is not a string"},
		{"params not a mapping", "params: [a]\n", ":1: params must be a mapping"},
		{"rule params not a mapping", "params:\n  GATE-X-001: 3\n", ":2: params.GATE-X-001 must be a mapping"},
		{"duplicate param", "params:\n  GATE-X-001:\n    a: 1\n    a: 2\n", ":4: params.GATE-X-001: parameter \"a\" given twice"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := writeFile(t, ".gate.yaml", tc.content)
			c, err := Load(context.Background(), p)
			if tc.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				if tc.name == "params" {
					want := map[string]any{"when": "2024-01-01", "at": "2024-01-01T10:00:00Z", "n": float64(3), "m": map[string]any{"k": []any{true, nil, 1.5}}}
					if !reflect.DeepEqual(c.Params["GATE-X-001"], want) {
						t.Errorf("params = %#v, want %#v", c.Params["GATE-X-001"], want)
					}
				}
				if tc.name == "full" {
					if c.FailOn != "medium" || c.Params["GATE-GH-002"]["required_approvals"] != float64(2) || c.MaxExceptionDays != 30 {
						t.Errorf("config = %+v", c)
					}
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) || !strings.Contains(err.Error(), p) {
				t.Fatalf("error %v, want one naming %s and containing %q", err, p, tc.wantErr)
			}
		})
	}
}

func TestLoadExceptions(t *testing.T) {
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	known := func(id string) bool { return strings.HasPrefix(id, "GATE-") }
	entry := func(fields string) string {
		return "exceptions:\n  - " + strings.ReplaceAll(fields, "\n", "\n    ") + "\n"
	}
	valid := "rule: GATE-AWS-S3-004\nresource: aws_s3_bucket.tmp\nowner: alice@example.com\njustification: scratch bucket, no data\nticket: SEC-12\nexpires: 2027-01-31"
	tests := []struct {
		name    string
		content string
		wantErr string
		wantN   int
	}{
		{"valid", entry(valid), "", 1},
		{"expired is returned", entry(strings.Replace(valid, "2027-01-31", "2026-10-01", 1)), "", 1},
		{"no expiry", entry(strings.Replace(valid, "\nexpires: 2027-01-31", "", 1)), "lacks expires", 0},
		{"no justification", entry(strings.Replace(valid, "\njustification: scratch bucket, no data", "", 1)), "lacks justification", 0},
		{"unknown rule", entry(strings.Replace(valid, "GATE-AWS-S3-004", "S3-999", 1)), "no such rule", 0},
		{"bad date", entry(strings.Replace(valid, "2027-01-31", "31/01/2027", 1)), "not a date", 0},
		{"too far ahead", entry(strings.Replace(valid, "2027-01-31", "2028-01-31", 1)), "more than 90 days", 0},
		{"unknown key", entry(valid + "\napproved_by: bob"), "unknown key \"approved_by\"", 0},
		{"error has the entry line", "# risk register\nexceptions:\n  - " + strings.ReplaceAll(strings.Replace(valid, "\nowner: alice@example.com", "", 1), "\n", "\n    ") + "\n", ":3:", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := writeFile(t, "exceptions.yaml", tc.content)
			got, err := LoadExceptions(context.Background(), p, false, now, 0, known)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tc.wantN || got[0].Kind != "external" || got[0].Location.Line != 2 || got[0].Owner != "alice@example.com" {
				t.Errorf("exceptions = %+v", got)
			}
		})
	}
	if got, err := LoadExceptions(context.Background(), filepath.Join(t.TempDir(), "none.yaml"), true, now, 0, known); err != nil || got != nil {
		t.Errorf("optional missing file: %v %v", got, err)
	}
	if _, err := LoadExceptions(context.Background(), filepath.Join(t.TempDir(), "none.yaml"), false, now, 0, known); err == nil {
		t.Error("a named exceptions file that does not exist was accepted")
	}
}

func TestLoadBaseline(t *testing.T) {
	p := writeFile(t, "b.sarif", `{"version":"2.1.0","runs":[{"results":[{"partialFingerprints":{"gate/v1":"abc"}},{"partialFingerprints":{"other":"x"}}]}]}`)
	fps, err := LoadBaseline(context.Background(), p)
	if err != nil || !fps["abc"] || len(fps) != 1 {
		t.Fatalf("baseline = %v, %v", fps, err)
	}
	for name, content := range map[string]string{"not json": "nope", "wrong version": `{"version":"2.0.0","runs":[]}`} {
		if _, err := LoadBaseline(context.Background(), writeFile(t, "x.sarif", content)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
