package ghsettings

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gatehq/gate/engine/model"
)

// copySnapshot copies a fixture snapshot into a temporary directory.
func copySnapshot(t *testing.T, name string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), name)
	if err := os.CopyFS(dst, os.DirFS(fixture(name))); err != nil {
		t.Fatal(err)
	}
	return dst
}

func editFile(t *testing.T, p string, edit func(string) string) {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	s := edit(string(b))
	if s == string(b) {
		t.Fatalf("edit of %s changed nothing", p)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestReadSnapshotBadInput: a malformed snapshot fails closed with an
// InputError naming the file and, where JSON says so, the line.
func TestReadSnapshotBadInput(t *testing.T) {
	tests := []struct {
		name     string
		edit     func(t *testing.T, dir string)
		repo     string
		file     string // base name of the file the error names
		line     int    // 0 = not checked
		contains string
	}{
		{
			name: "truncated body",
			edit: func(t *testing.T, dir string) {
				editFile(t, filepath.Join(dir, "branch-protection.get.200.json"), func(s string) string { return s[:len(s)/2] })
			},
			file: "branch-protection.get.200.json", line: 20, contains: "truncated JSON",
		},
		{
			name: "wrong type in body",
			edit: func(t *testing.T, dir string) {
				editFile(t, filepath.Join(dir, "branch-protection.get.200.json"), func(s string) string {
					return strings.Replace(s, `"required_approving_review_count": 1`, `"required_approving_review_count": "one"`, 1)
				})
			},
			file: "branch-protection.get.200.json", line: 22, contains: "GET /repos/test-org/test-repo/branches/main/protection",
		},
		{
			name: "extra data after body",
			edit: func(t *testing.T, dir string) {
				editFile(t, filepath.Join(dir, "rulesets.empty.json"), func(s string) string { return s + "[]\n" })
			},
			file: "rulesets.empty.json", line: 2, contains: "extra data",
		},
		{
			name: "unknown manifest field",
			edit: func(t *testing.T, dir string) {
				editFile(t, filepath.Join(dir, ManifestName), func(s string) string {
					return strings.Replace(s, `"repository":`, `"repo": "x", "repository":`, 1)
				})
			},
			file: ManifestName, contains: `unknown field "repo"`,
		},
		{
			name: "wrong format",
			edit: func(t *testing.T, dir string) {
				editFile(t, filepath.Join(dir, ManifestName), func(s string) string {
					return strings.Replace(s, SnapshotFormat, "gate-github-snapshot/9", 1)
				})
			},
			file: ManifestName, contains: "want \"gate-github-snapshot/1\"",
		},
		{
			name: "file outside the directory",
			edit: func(t *testing.T, dir string) {
				editFile(t, filepath.Join(dir, ManifestName), func(s string) string {
					return strings.Replace(s, `"file": "rulesets.empty.json"`, `"file": "../rulesets.empty.json"`, 1)
				})
			},
			file: ManifestName, contains: "inside the snapshot directory",
		},
		{
			name: "missing body file",
			edit: func(t *testing.T, dir string) {
				if err := os.Remove(filepath.Join(dir, "rulesets.empty.json")); err != nil {
					t.Fatal(err)
				}
			},
			file: "rulesets.empty.json", contains: "no such file",
		},
		{
			name: "request recorded twice",
			edit: func(t *testing.T, dir string) {
				editFile(t, filepath.Join(dir, ManifestName), func(s string) string {
					return strings.Replace(s, `"request": "GET /orgs/test-org"`, `"request": "GET /repos/test-org/test-repo"`, 1)
				})
			},
			file: ManifestName, contains: "recorded twice",
		},
		{
			name: "not a GET",
			edit: func(t *testing.T, dir string) {
				editFile(t, filepath.Join(dir, ManifestName), func(s string) string {
					return strings.Replace(s, `"request": "GET /orgs/test-org"`, `"request": "PUT /orgs/test-org"`, 1)
				})
			},
			file: ManifestName, contains: `want "GET /path"`,
		},
		{
			name: "other repository",
			edit: func(*testing.T, string) {},
			repo: "acme/app", file: ManifestName, contains: "snapshot is of test-org/test-repo, not acme/app",
		},
		{
			name: "repository response missing",
			edit: func(t *testing.T, dir string) {
				editFile(t, filepath.Join(dir, ManifestName), func(s string) string {
					return strings.Replace(s, `"request": "GET /repos/test-org/test-repo",`, `"request": "GET /repos/test-org/elsewhere",`, 1)
				})
			},
			file: "classic-only", contains: "not recorded in the snapshot",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := copySnapshot(t, "classic-only")
			tc.edit(t, dir)
			_, err := ReadSnapshot(context.Background(), dir, tc.repo)
			var ie *model.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("err = %v (%T), want *model.InputError", err, err)
			}
			if filepath.Base(ie.Path) != tc.file || !ie.Explicit {
				t.Errorf("error names %q (explicit %v), want %q", ie.Path, ie.Explicit, tc.file)
			}
			if tc.line > 0 && ie.Line != tc.line {
				t.Errorf("line = %d, want %d (%v)", ie.Line, tc.line, err)
			}
			if !strings.Contains(err.Error(), tc.contains) {
				t.Errorf("err = %v, want it to mention %q", err, tc.contains)
			}
		})
	}
}

// TestReadSnapshotMissingResponse: a response the snapshot lacks is an
// UNKNOWN with the reason, not a failure of the whole read.
func TestReadSnapshotMissingResponse(t *testing.T) {
	dir := copySnapshot(t, "classic-only")
	editFile(t, filepath.Join(dir, ManifestName), func(s string) string {
		return strings.Replace(s, `"request": "GET /repos/test-org/test-repo/vulnerability-alerts"`, `"request": "GET /repos/test-org/test-repo/unrelated"`, 1)
	})
	doc, err := ReadSnapshot(context.Background(), dir, "test-org/test-repo")
	if err != nil {
		t.Fatal(err)
	}
	v := walk(t, doc.Input, "repository", "vulnerability_alerts").(map[string]any)
	if v["known"] != false || v["reason"] != reasonNotRecorded {
		t.Errorf("vulnerability_alerts = %v", v)
	}
}

func TestReadSnapshotFilesAndNotes(t *testing.T) {
	doc, err := ReadSnapshot(context.Background(), fixture("both"), "TEST-ORG/test-repo")
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Files) != 9 {
		t.Errorf("%d files, want the manifest and 8 bodies", len(doc.Files))
	}
	for _, f := range doc.Files {
		if len(f.SHA256) != 64 || f.Size <= 0 {
			t.Errorf("file record %+v", f)
		}
	}
	if doc.Files[0].Path != filepath.ToSlash(filepath.Join(fixture("both"), ManifestName)) {
		t.Errorf("first file = %s", doc.Files[0].Path)
	}
	if len(doc.Notes) != 1 || !strings.Contains(doc.Notes[0], "snapshot") {
		t.Errorf("notes = %q", doc.Notes)
	}
}

func TestReadSnapshotCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ReadSnapshot(ctx, fixture("both"), ""); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func TestLineCol(t *testing.T) {
	b := []byte("ab\ncd\n")
	for _, tc := range []struct {
		off       int64
		line, col int
	}{{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {5, 2, 3}, {99, 3, 1}} {
		if l, c := lineCol(b, tc.off); l != tc.line || c != tc.col {
			t.Errorf("lineCol(%d) = %d:%d, want %d:%d", tc.off, l, c, tc.line, tc.col)
		}
	}
}
