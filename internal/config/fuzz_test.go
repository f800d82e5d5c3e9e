package config

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// fuzzSeeds adds the repository's own configuration and every YAML file
// under fixtures/ (workflows, dependabot files: real-world YAML shapes) to
// the corpus, with the given extra seeds.
func fuzzSeeds(f *testing.F, extra ...string) {
	f.Helper()
	for _, s := range extra {
		f.Add([]byte(s))
	}
	if b, err := os.ReadFile("../../.gate.yaml"); err == nil {
		f.Add(b)
	}
	err := filepath.WalkDir("../../fixtures", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || (!strings.HasSuffix(p, ".yml") && !strings.HasSuffix(p, ".yaml")) {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if len(b) <= 64<<10 {
			f.Add(b)
		}
		return nil
	})
	if err != nil {
		f.Fatal(err)
	}
}

// checkError: every error is a config *Error (or several joined) naming the
// file.
func checkError(t *testing.T, path string, err error) {
	t.Helper()
	var ce *Error
	if !errors.As(err, &ce) {
		t.Fatalf("error is not a *config.Error: %T %v", err, err)
	}
	if !strings.Contains(err.Error(), path) {
		t.Fatalf("error does not name the file %s: %v", path, err)
	}
}

func FuzzLoadConfig(f *testing.F) {
	fuzzSeeds(f,
		"frameworks: [soc2, iso27001]\nfail_on: medium\nunknown: fail\nrules:\n  disable: [GATE-AWS-S3-004]\nparams:\n  GATE-GH-002:\n    required_approvals: 2\nexclude: [fixtures/**]\npolicies: [policy]\nexceptions: risk/exceptions.yaml\nmax_exception_days: 30\ngithub:\n  repo: acme/app\n  branches: [main]\n",
		"params:\n  GATE-X-001:\n    list: [1, 2.5, \"a\", {k: v}]\n    nested: {a: {b: [true, null]}}\n",
		"params:\n  GATE-X-001:\n    when: 2024-01-01\n    big: 18446744073709551615\n    inf: .inf\n",
		"params:\n  GATE-X-001:\n    m: {1: one, true: yes}\n",
		"fail_on: high\nfail_on: low\n",
		"max_exception_days: -1\n",
		"&a [*a]\n",
		"",
	)
	dir := f.TempDir()
	path := filepath.Join(dir, FileName)
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, b []byte) {
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		c, err := Load(ctx, path)
		if err != nil {
			checkError(t, path, err)
			return
		}
		if c.Path != path {
			t.Fatalf("Path = %q, want %q", c.Path, path)
		}
		if c.MaxExceptionDays < 0 {
			t.Fatalf("negative max_exception_days accepted: %d", c.MaxExceptionDays)
		}
		// Params go to OPA's store: they must be JSON-shaped.
		j, err := json.Marshal(c.Params)
		if err != nil {
			t.Fatalf("params are not JSON-shaped: %v (%#v)", err, c.Params)
		}
		var back map[string]map[string]any
		if err := json.Unmarshal(j, &back); err != nil {
			t.Fatalf("params do not round-trip through JSON: %v", err)
		}
		// Deterministic: the same bytes load to the same configuration.
		c2, err := Load(ctx, path)
		if err != nil {
			t.Fatalf("second load failed: %v", err)
		}
		if !reflect.DeepEqual(c, c2) {
			t.Fatalf("two loads differ:\n%#v\n%#v", c, c2)
		}
	})
}

func FuzzLoadExceptions(f *testing.F) {
	valid := "rule: GATE-AWS-S3-004\nresource: aws_s3_bucket.tmp\nowner: alice@example.com\njustification: scratch bucket, no data\nticket: SEC-12\nexpires: 2027-01-31"
	entry := func(s string) string { return "  - " + strings.ReplaceAll(s, "\n", "\n    ") + "\n" }
	fuzzSeeds(f,
		"exceptions:\n"+entry(valid),
		"# risk register\nexceptions:\n"+entry(valid)+entry(strings.Replace(valid, "2027-01-31", "2026-02-30", 1)),
		"exceptions:\n"+entry(strings.Replace(valid, "owner: alice@example.com\n", "", 1)),
		"exceptions:\n"+entry(strings.Replace(valid, "GATE-AWS-S3-004", "NOPE-1", 1)),
		"exceptions:\n"+entry(strings.Replace(valid, "2027-01-31", "2099-12-31", 1)),
		"exceptions:\n  - {rule: GATE-A-1, resource: '*', owner: o, justification: j, expires: '2027-01-01', extra: 1}\n",
		"exceptions: {}\n",
		"exceptions:\n  - !!binary aGVsbG8=\n",
		"",
	)
	dir := f.TempDir()
	path := filepath.Join(dir, "exceptions.yaml")
	ctx := context.Background()
	now := time.Date(2026, 11, 1, 15, 4, 5, 0, time.UTC)
	const maxDays = 120
	limit := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, maxDays)
	known := func(id string) bool { return strings.HasPrefix(id, "GATE-") }
	f.Fuzz(func(t *testing.T, b []byte) {
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		got, err := LoadExceptions(ctx, path, false, now, maxDays, known)
		if err != nil {
			checkError(t, path, err)
			return
		}
		for _, s := range got {
			for name, v := range map[string]string{"rule": s.RuleID, "resource": s.Subject, "owner": s.Owner, "justification": s.Justification} {
				if strings.TrimSpace(v) == "" {
					t.Fatalf("exception accepted without %s: %+v", name, s)
				}
			}
			if !known(s.RuleID) {
				t.Fatalf("exception for an unknown rule accepted: %q", s.RuleID)
			}
			exp, err := time.Parse("2006-01-02", s.Until)
			if err != nil {
				t.Fatalf("exception accepted with expires %q: %v", s.Until, err)
			}
			if exp.After(limit) {
				t.Fatalf("exception accepted expiring %s, after %s", s.Until, limit.Format("2006-01-02"))
			}
			if s.Kind != "external" || s.Location.File != filepath.ToSlash(path) || s.Location.Line < 1 {
				t.Fatalf("bad kind or location: %+v", s)
			}
		}
		got2, err := LoadExceptions(ctx, path, false, now, maxDays, known)
		if err != nil {
			t.Fatalf("second load failed: %v", err)
		}
		if !reflect.DeepEqual(got, got2) {
			t.Fatalf("two loads differ:\n%+v\n%+v", got, got2)
		}
	})
}
