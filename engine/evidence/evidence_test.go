package evidence_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/gatehq/gate/engine"
	"github.com/gatehq/gate/engine/evidence"
	"github.com/gatehq/gate/engine/evidence/evidencetest"
	"github.com/gatehq/gate/engine/model"
)

const repo = "acme/payments"

// sampleRuns are ten real runs of the engine; built once per test binary
// (the engine compiles the rule pack) and copied for each test.
var sampleRuns = sync.OnceValues(func() ([]byte, error) {
	recs, err := evidencetest.Runs(context.Background(), "../..", 10, repo)
	if err != nil {
		return nil, err
	}
	return json.Marshal(recs)
})

func runs(t *testing.T) []*evidence.Record {
	t.Helper()
	b, err := sampleRuns()
	if err != nil {
		t.Fatal(err)
	}
	var recs []*evidence.Record
	if err := json.Unmarshal(b, &recs); err != nil {
		t.Fatal(err)
	}
	return recs
}

// sharedChecker is compiled once: a Checker is immutable.
var sharedChecker = sync.OnceValues(evidence.NewChecker)

func checker(t *testing.T) *evidence.Checker {
	t.Helper()
	c, err := sharedChecker()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// appendAll creates a log at path and appends every record.
func appendAll(t *testing.T, path string, recs []*evidence.Record) {
	t.Helper()
	ctx := context.Background()
	st, err := evidence.Create(ctx, path, checker(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, r := range recs {
		if _, err := st.Append(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
}

func verify(t *testing.T, path string) *evidence.Verification {
	t.Helper()
	v, err := evidence.Load(context.Background(), path, checker(t))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// logFiles lists a directory log's record files in order.
func logFiles(t *testing.T, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestEvidenceTenRunsVerify(t *testing.T) {
	for _, kind := range []string{"dir", "sqlite"} {
		t.Run(kind, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "log")
			if kind == "sqlite" {
				path += ".db"
			}
			recs := runs(t)
			appendAll(t, path, recs)
			start := time.Now()
			v := verify(t, path)
			t.Logf("%s: verify of %d records took %v", kind, len(v.Records), time.Since(start))
			if !v.OK() {
				t.Fatalf("problems: %v", v.Problems)
			}
			if len(v.Records) != 10 || v.Head == nil || v.Head.Sequence != 10 || v.Repository != repo {
				t.Fatalf("records %d, head %+v, repository %q", len(v.Records), v.Head, v.Repository)
			}
			for i, r := range v.Records {
				if r.Sequence != int64(i+1) {
					t.Errorf("record %d has sequence %d", i, r.Sequence)
				}
				if i == 0 && r.PrevDigest != "" || i > 0 && r.PrevDigest != v.Records[i-1].Digest {
					t.Errorf("record %d: prev_digest %q", i+1, r.PrevDigest)
				}
				if !evidence.IsDigest(r.Digest) {
					t.Errorf("record %d: digest %q", i+1, r.Digest)
				}
			}
			if kind == "dir" {
				files := logFiles(t, path)
				if len(files) != 10 {
					t.Fatalf("%d files", len(files))
				}
				for i, f := range files {
					want, _ := evidence.FileName(v.Records[i])
					if filepath.Base(f) != want {
						t.Errorf("file %d is %s, want %s", i, filepath.Base(f), want)
					}
					st, err := os.Stat(f)
					if err != nil {
						t.Fatal(err)
					}
					if st.Mode().Perm()&0o222 != 0 {
						t.Errorf("%s is writable (%v): records are read-only", f, st.Mode())
					}
				}
			}
		})
	}
}

// flipOffsets are the bytes flipped in each record: the first, the last
// and some in between.
func flipOffsets(n int) []int {
	return []int{0, n / 4, n / 2, 3 * n / 4, n - 30, n - 1}
}

func TestEvidenceFlipOneByteDir(t *testing.T) {
	recs := runs(t)
	src := filepath.Join(t.TempDir(), "log")
	appendAll(t, src, recs)
	files := logFiles(t, src)
	for i, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for k, off := range flipOffsets(len(data)) {
			for _, mask := range []byte{[]byte{0x01, 0x20}[(i+k)%2]} {
				name := filepath.Base(f)
				t.Run(fmt.Sprintf("%s@%d^%#x", name, off, mask), func(t *testing.T) {
					dir := copyDir(t, src)
					b := bytes.Clone(data)
					b[off] ^= mask
					p := filepath.Join(dir, name)
					if err := os.Chmod(p, 0o644); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(p, b, 0o444); err != nil {
						t.Fatal(err)
					}
					v := verify(t, dir)
					if v.OK() {
						t.Fatalf("flipping byte %d of record %d verified", off, i+1)
					}
					for _, p := range v.Problems {
						if p.Record != name {
							t.Errorf("problem names %s, want only %s: %v", p.Record, name, p)
						}
					}
					if !strings.Contains(v.Problems[0].Error(), name) {
						t.Errorf("error does not name the record: %v", v.Problems[0])
					}
					if len(v.Records) != 9 {
						t.Errorf("%d intact records, want the other 9", len(v.Records))
					}
				})
			}
		}
	}
}

func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "log")
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	return dst
}

func TestEvidenceDirLogDamage(t *testing.T) {
	recs := runs(t)
	src := filepath.Join(t.TempDir(), "log")
	appendAll(t, src, recs)
	files := logFiles(t, src)
	base := func(i int) string { return filepath.Base(files[i]) }
	foreign := func(t *testing.T, dir string) {
		// A record of another repository, correctly chained after #10.
		r := runs(t)[0]
		r.Run.Repository = "evil/other"
		r.Time = "2026-03-01T00:00:00Z"
		data, err := r.Seal(11, recs[9].Digest)
		if err != nil {
			t.Fatal(err)
		}
		name, _ := evidence.FileName(r)
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o444); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name   string
		damage func(t *testing.T, dir string)
		// record named by the problems, and a word the error must say
		record, says string
		intact       int
	}{
		{"remove middle", func(t *testing.T, dir string) { rm(t, dir, base(4)) }, base(5), "#5 is missing", 9},
		{"remove two", func(t *testing.T, dir string) { rm(t, dir, base(3)); rm(t, dir, base(4)) }, base(5), "#4 to #5 is missing", 8},
		{"remove first", func(t *testing.T, dir string) { rm(t, dir, base(0)) }, base(1), "#1 is missing", 9},
		{"swap two records", func(t *testing.T, dir string) {
			a, b := filepath.Join(dir, base(2)), filepath.Join(dir, base(6))
			da, _ := os.ReadFile(a)
			db, _ := os.ReadFile(b)
			rm(t, dir, base(2))
			rm(t, dir, base(6))
			os.WriteFile(a, db, 0o444)
			os.WriteFile(b, da, 0o444)
		}, base(2), "reordered", 10},
		{"truncated", func(t *testing.T, dir string) {
			p := filepath.Join(dir, base(3))
			os.Chmod(p, 0o644)
			if err := os.Truncate(p, 700); err != nil {
				t.Fatal(err)
			}
		}, base(3), "truncated", 9},
		{"empty file", func(t *testing.T, dir string) {
			p := filepath.Join(dir, base(8))
			os.Chmod(p, 0o644)
			os.Truncate(p, 0)
		}, base(8), "truncated", 9},
		{"record of another repository", foreign, "000011-", `repository "evil/other"`, 10},
		{"stray file", func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("hi"), 0o644)
		}, "notes.txt", "not an evidence record", 10},
		{"re-sealed edit", func(t *testing.T, dir string) {
			// Edit #4 and recompute its digest: #5 no longer chains to it.
			r := runs(t)[3]
			r.Outcome.ExitCode = 0
			data, err := r.Seal(4, recs[2].Digest)
			if err != nil {
				t.Fatal(err)
			}
			rm(t, dir, base(3))
			name, _ := evidence.FileName(r)
			os.WriteFile(filepath.Join(dir, name), data, 0o444)
		}, base(4), "hash chain broken", 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyDir(t, src)
			tt.damage(t, dir)
			v := verify(t, dir)
			if v.OK() {
				t.Fatal("verified")
			}
			found := false
			for _, p := range v.Problems {
				if strings.HasPrefix(p.Record, tt.record) && strings.Contains(p.Error(), tt.says) {
					found = true
				}
			}
			if !found {
				t.Errorf("no problem naming %s saying %q: %v", tt.record, tt.says, v.Problems)
			}
			if len(v.Records) != tt.intact {
				t.Errorf("%d intact records, want %d", len(v.Records), tt.intact)
			}
		})
	}
}

func rm(t *testing.T, dir, name string) {
	t.Helper()
	if err := os.Remove(filepath.Join(dir, name)); err != nil {
		t.Fatal(err)
	}
}

// tamper runs SQL on a SQLite log as an attacker would: without the
// append-only triggers.
func tamper(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'trigger'`)
	if err != nil {
		t.Fatal(err)
	}
	var triggers []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		triggers = append(triggers, n)
	}
	rows.Close()
	for _, tr := range triggers {
		if _, err := db.Exec(`DROP TRIGGER ` + tr); err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

func TestEvidenceSQLiteDamage(t *testing.T) {
	recs := runs(t)
	src := filepath.Join(t.TempDir(), "log.db")
	appendAll(t, src, recs)
	orig, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	body := func(seq int) []byte {
		db, err := sql.Open("sqlite", src)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var b []byte
		if err := db.QueryRow(`SELECT body FROM records WHERE seq = ?`, seq).Scan(&b); err != nil {
			t.Fatal(err)
		}
		return b
	}
	b4 := body(4)
	tests := []struct {
		name   string
		sql    []string
		record string
		says   string
		intact int
	}{
		{"delete a row", []string{`DELETE FROM records WHERE seq = 5`}, "#6", "#5 is missing", 9},
		{"swap two rows", []string{
			`UPDATE records SET seq = 100 WHERE seq = 3`, `UPDATE records SET seq = 3 WHERE seq = 7`, `UPDATE records SET seq = 7 WHERE seq = 100`,
		}, "#3", "renumbered or reordered", 10},
		{"truncated body", []string{fmt.Sprintf(`UPDATE records SET body = substr(body, 1, 500) WHERE seq = 2`)}, "#2", "truncated", 9},
		{"index column edited", []string{`UPDATE records SET exit_code = 0 WHERE seq = 1`}, "#1", "column exit_code", 10},
		{"derived row deleted", []string{`DELETE FROM control_verdicts WHERE seq = 8`}, "#8", "control_verdicts differs", 10},
	}
	for i := range []int{0, len(b4) / 4, len(b4) / 2, len(b4) - 1} {
		off := []int{0, len(b4) / 4, len(b4) / 2, len(b4) - 1}[i]
		flipped := bytes.Clone(b4)
		flipped[off] ^= 0x01
		tests = append(tests, struct {
			name   string
			sql    []string
			record string
			says   string
			intact int
		}{fmt.Sprintf("flip byte %d of #4", off), []string{fmt.Sprintf(`UPDATE records SET body = x'%x' WHERE seq = 4`, flipped)}, "#4", "", 9})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "log.db")
			if err := os.WriteFile(path, orig, 0o644); err != nil {
				t.Fatal(err)
			}
			tamper(t, path, tt.sql...)
			v := verify(t, path)
			if v.OK() {
				t.Fatal("verified")
			}
			found := false
			for _, p := range v.Problems {
				if p.Record == tt.record && strings.Contains(p.Error(), tt.says) {
					found = true
				}
			}
			if !found {
				t.Errorf("no problem naming %s saying %q: %v", tt.record, tt.says, v.Problems)
			}
			if len(v.Records) != tt.intact {
				t.Errorf("%d intact records, want %d", len(v.Records), tt.intact)
			}
		})
	}

	// The triggers keep the log append-only for ordinary SQL.
	db, err := sql.Open("sqlite", src)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range []string{`DELETE FROM records WHERE seq = 1`, `UPDATE exceptions SET status = 'unused'`} {
		if _, err := db.Exec(s); err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s: %v, want append-only error", s, err)
		}
	}
}

func TestEvidenceAppendRefuses(t *testing.T) {
	ctx := context.Background()
	for _, kind := range []string{"dir", "sqlite"} {
		t.Run(kind, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "log")
			if kind == "sqlite" {
				path += ".db"
			}
			recs := runs(t)
			appendAll(t, path, recs[:3])
			st, err := evidence.Create(ctx, path, checker(t))
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			other := recs[3]
			other.Run.Repository = "evil/other"
			if _, err := st.Append(ctx, other); !errors.Is(err, evidence.ErrRepository) {
				t.Errorf("append of another repository: %v", err)
			}
			bad := recs[4]
			bad.Run.Commit = "not a sha"
			if _, err := st.Append(ctx, bad); !errors.Is(err, evidence.ErrSchema) {
				t.Errorf("append of an invalid record: %v", err)
			}
			if v := verify(t, path); !v.OK() || len(v.Records) != 3 {
				t.Errorf("log changed by refused appends: %d records, %v", len(v.Records), v.Problems)
			}
		})
	}
	// After a damaged last record, a directory log refuses to append.
	dir := filepath.Join(t.TempDir(), "log")
	appendAll(t, dir, runs(t)[:2])
	files := logFiles(t, dir)
	os.Chmod(files[1], 0o644)
	os.WriteFile(files[1], []byte("{"), 0o444)
	st, err := evidence.Create(ctx, dir, checker(t))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Append(ctx, runs(t)[2]); err == nil || !strings.Contains(err.Error(), filepath.Base(files[1])) {
		t.Errorf("append after a damaged record: %v", err)
	}
	// A database of something else is left alone.
	other := filepath.Join(t.TempDir(), "app.db")
	db, err := sql.Open("sqlite", other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE users (id INTEGER)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := evidence.Create(ctx, other, checker(t)); err == nil || !strings.Contains(err.Error(), "not a gate evidence log") {
		t.Errorf("create on another database: %v", err)
	}
	if _, err := evidence.Open(ctx, other, checker(t)); err == nil || !strings.Contains(err.Error(), "not a gate evidence database") {
		t.Errorf("open another database: %v", err)
	}
	notDB := filepath.Join(t.TempDir(), "x.db")
	os.WriteFile(notDB, []byte("hello, this is not sqlite at all, just text that is long enough"), 0o644)
	if _, err := evidence.Open(ctx, notDB, checker(t)); err == nil || !strings.Contains(err.Error(), notDB) {
		t.Errorf("open a text file as a database: %v", err)
	}
	// A lock file left by a run in progress stops a second appender.
	os.WriteFile(files[1], nil, 0o444)
	dir2 := filepath.Join(t.TempDir(), "log")
	appendAll(t, dir2, runs(t)[:1])
	os.WriteFile(filepath.Join(dir2, ".gate-evidence.lock"), nil, 0o644)
	st2, _ := evidence.Create(ctx, dir2, checker(t))
	if _, err := st2.Append(ctx, runs(t)[1]); err == nil || !strings.Contains(err.Error(), "another gate run") {
		t.Errorf("append while locked: %v", err)
	}
}

func compileSchemaFile(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("schema/evidence-record.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(evidence.SchemaID, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(evidence.SchemaID)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(evidence.Schema(), mustRead(t, "schema/evidence-record.schema.json")) {
		t.Fatal("embedded schema differs from the file")
	}
	return s
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestEvidenceSchema(t *testing.T) {
	s := compileSchemaFile(t)
	recs := runs(t)
	valid := func(t *testing.T, b []byte) error {
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		return s.Validate(v)
	}
	// Real records, in a log and on their own, validate.
	for i, r := range recs {
		data, err := r.Seal(int64(i+1), strings.Repeat("a", 64))
		if err != nil {
			t.Fatal(err)
		}
		if err := valid(t, data); err != nil {
			t.Errorf("record %d: %v", i+1, err)
		}
	}
	alone, err := recs[0].Seal(0, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := valid(t, alone); err != nil {
		t.Fatalf("record on its own: %v", err)
	}
	if bytes.Contains(alone, []byte(`"sequence"`)) || bytes.Contains(alone, []byte(`"prev_digest"`)) {
		t.Error("a record on its own has a sequence or prev_digest")
	}

	// Broken ones do not.
	broken := []struct {
		name string
		edit func(m map[string]any)
	}{
		{"no digest", func(m map[string]any) { delete(m, "digest") }},
		{"short digest", func(m map[string]any) { m["digest"] = "abc" }},
		{"unknown member", func(m map[string]any) { m["extra"] = true }},
		{"bad verdict", func(m map[string]any) { m["rules"].([]any)[0].(map[string]any)["verdict"] = "maybe" }},
		{"bad time", func(m map[string]any) { m["time"] = "yesterday" }},
		{"local time", func(m map[string]any) { m["time"] = "2026-01-05T09:30:00+02:00" }},
		{"bad exit code", func(m map[string]any) { m["outcome"].(map[string]any)["exit_code"] = 3 }},
		{"sequence zero", func(m map[string]any) { m["sequence"] = 0 }},
		{"no rules", func(m map[string]any) { delete(m, "rules") }},
		{"input without sha256", func(m map[string]any) { delete(m["inputs"].([]any)[0].(map[string]any), "sha256") }},
		{"unknown framework", func(m map[string]any) { m["frameworks"] = []any{"pci"} }},
		{"bad exception status", func(m map[string]any) {
			m["exceptions"].([]any)[0].(map[string]any)["status"] = "maybe"
		}},
		{"wrong schema id", func(m map[string]any) { m["schema"] = "v0" }},
	}
	for _, tt := range broken {
		t.Run(tt.name, func(t *testing.T) {
			var m map[string]any
			if err := json.Unmarshal(alone, &m); err != nil {
				t.Fatal(err)
			}
			tt.edit(m)
			b, _ := json.Marshal(m)
			if err := valid(t, b); err == nil {
				t.Error("validated")
			}
		})
	}
}

func TestEvidenceParse(t *testing.T) {
	c := checker(t)
	r := runs(t)[0]
	data, err := r.Seal(1, "")
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	again, err := got.Seal(1, "")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, data) {
		t.Fatal("re-sealing a parsed record changed its bytes")
	}
	compact := new(bytes.Buffer)
	json.Compact(compact, data)
	tests := []struct {
		name string
		data []byte
		want error
		says string
	}{
		{"empty", nil, evidence.ErrNotJSON, "truncated"},
		{"truncated", data[:len(data)/2], evidence.ErrNotJSON, "truncated"},
		{"garbage", []byte("\x00\x01"), evidence.ErrNotJSON, "line 1"},
		{"array", []byte("[]\n"), evidence.ErrSchema, "array"},
		{"two values", append(bytes.Clone(data), data...), evidence.ErrNotJSON, "data after the record"},
		{"compact", compact.Bytes(), evidence.ErrNotCanonical, "line 1"},
		{"no newline", data[:len(data)-1], evidence.ErrNotCanonical, ""},
		{"edited value", bytes.Replace(data, []byte(`"exit_code": `), []byte(`"exit_code":  `), 1), evidence.ErrNotCanonical, ""},
		{"edited verdict", bytes.Replace(data, []byte(`"verdict": "pass"`), []byte(`"verdict": "fail"`), 1), evidence.ErrDigest, "recorded"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.Parse(tt.data)
			if !errors.Is(err, tt.want) || !strings.Contains(fmt.Sprint(err), tt.says) {
				t.Errorf("got %v, want %v saying %q", err, tt.want, tt.says)
			}
		})
	}
}

func TestEvidenceBuild(t *testing.T) {
	ctl := model.Controls{model.FrameworkSOC2: {"CC6.1"}, model.FrameworkNIST80053: {"SC-28"}}
	rule := &model.Rule{ID: "R-1", Title: "one", Severity: model.SeverityHigh, Controls: ctl, Builtin: true}
	rule2 := &model.Rule{ID: "R-2", Title: "two", Severity: model.SeverityLow, Controls: model.Controls{model.FrameworkSOC2: {"CC8.1"}}}
	inline := model.Suppression{Kind: "inSource", RuleID: "R-1", Justification: "scratch", Location: model.Position{File: "main.tf", Line: 3}}
	ext := model.Suppression{Kind: "external", RuleID: "R-2", Subject: "x", Justification: "old", Until: "2026-01-01",
		Location: model.Position{File: ".gate/exceptions.yaml", Line: 2}}
	unused := model.Suppression{Kind: "external", RuleID: "R-1", Subject: "y", Justification: "later", Until: "2027-01-01",
		Location: model.Position{File: ".gate/exceptions.yaml", Line: 8}}
	res := &engine.Result{
		Rules:      []*model.Rule{rule2, rule},
		Verdicts:   map[string]model.Verdict{"R-1": model.VerdictFail, "R-2": engine.VerdictNotApplicable},
		FailOn:     model.SeverityHigh,
		Frameworks: []string{model.FrameworkSOC2},
		Started:    time.Date(2026, 2, 1, 10, 0, 0, 0, time.FixedZone("CET", 3600)),
		Documents: []engine.DocumentInfo{
			{Kind: "terraform", Source: "hcl", Path: "b", Files: []model.InputFile{{Path: "b/main.tf", SHA256: strings.Repeat("1", 64), Size: 9}}},
			{Kind: "terraform", Source: "plan", Path: "a.json", Files: []model.InputFile{{Path: "a.json", SHA256: strings.Repeat("2", 64), Size: 5}, {Path: "b/main.tf", SHA256: strings.Repeat("1", 64), Size: 9}}},
		},
		Findings: []model.Finding{
			{RuleID: "R-1", Severity: model.SeverityHigh, Verdict: model.VerdictFail, Blocking: true, Message: "m", Subject: "s1",
				Location: model.Position{File: "main.tf", Line: 4, Column: 2}, Fingerprint: "f1"},
			{RuleID: "R-1", Severity: model.SeverityHigh, Verdict: model.VerdictExcepted, Message: "m", Subject: "s2", Fingerprint: "f2", Suppression: &inline},
			{RuleID: "R-1", Severity: model.SeverityHigh, Verdict: model.VerdictExcepted, Message: "m", Subject: "s3", Fingerprint: "f3", Suppression: &inline},
		},
	}
	r, err := evidence.Build(res, engine.Options{Exceptions: []model.Suppression{ext, unused}}, evidence.Meta{Version: "1.2.3", Run: evidence.Run{Repository: "o/r"}})
	if err != nil {
		t.Fatal(err)
	}
	if r.Time != "2026-02-01T09:00:00Z" {
		t.Errorf("time %s", r.Time)
	}
	if len(r.Inputs) != 2 || r.Inputs[0].Path != "a.json" || r.Inputs[1].Path != "b/main.tf" {
		t.Errorf("inputs %+v", r.Inputs)
	}
	if len(r.Rules) != 2 || r.Rules[0].ID != "R-1" || r.Rules[1].Verdict != "not_applicable" {
		t.Errorf("rules %+v", r.Rules)
	}
	if _, ok := r.Rules[0].Controls[model.FrameworkNIST80053]; ok {
		t.Error("controls of a framework the run left out are recorded")
	}
	if r.Tool.UserRules != 1 {
		t.Errorf("user rules %d", r.Tool.UserRules)
	}
	want := []struct {
		rule, status string
		findings     int
	}{{"R-2", evidence.ExceptionExpired, 0}, {"R-1", evidence.ExceptionUnused, 0}, {"R-1", evidence.ExceptionApplied, 2}}
	if len(r.Exceptions) != len(want) {
		t.Fatalf("exceptions %+v", r.Exceptions)
	}
	for i, w := range want {
		if e := r.Exceptions[i]; e.RuleID != w.rule || e.Status != w.status || e.Findings != w.findings {
			t.Errorf("exception %d: %+v, want %+v", i, e, w)
		}
	}
	if f := r.Findings[1]; f.Exception == nil || *f.Exception != 2 {
		t.Errorf("finding 2 exception %v", f.Exception)
	}
	if r.Outcome != (evidence.Outcome{ExitCode: 1, FailOn: "high", Blocking: 1, Failing: 1, Excepted: 2}) {
		t.Errorf("outcome %+v", r.Outcome)
	}
	if r.Findings[0].Location != "main.tf:4:2" {
		t.Errorf("location %s", r.Findings[0].Location)
	}
	// A rule without a verdict is an error, not a silent pass.
	res.Verdicts = map[string]model.Verdict{"R-1": model.VerdictPass}
	if _, err := evidence.Build(res, engine.Options{}, evidence.Meta{}); err == nil || !strings.Contains(err.Error(), "R-2") {
		t.Errorf("missing verdict: %v", err)
	}
}

func TestEvidenceQuery(t *testing.T) {
	ctx := context.Background()
	recs := runs(t)
	// What the ten runs hold, counted directly.
	type count struct{ runs, pass, fail, blocked int }
	want := map[string]count{}
	for _, r := range recs {
		for fw, m := range r.ControlVerdicts() {
			for id, cv := range m {
				c := want[fw+" "+id]
				c.runs++
				switch cv.Verdict {
				case "pass":
					c.pass++
				case "fail":
					c.fail++
				}
				if r.Outcome.ExitCode == 1 {
					c.blocked++
				}
				want[fw+" "+id] = c
			}
		}
	}
	if len(want) == 0 {
		t.Fatal("the sample runs judged no control")
	}
	var results [2]map[string]*evidence.QueryResult
	for k, kind := range []string{"dir", "sqlite"} {
		path := filepath.Join(t.TempDir(), "log")
		if kind == "sqlite" {
			path += ".db"
		}
		appendAll(t, path, recs)
		st, err := evidence.Open(ctx, path, checker(t))
		if err != nil {
			t.Fatal(err)
		}
		v, err := evidence.Verify(ctx, st, checker(t))
		st.Close()
		if err != nil {
			t.Fatal(err)
		}
		results[k] = map[string]*evidence.QueryResult{}
		for key, w := range want {
			fw, id, _ := strings.Cut(key, " ")
			q := evidence.Query(v, fw, id, "", time.Time{}, time.Time{})
			if q.Runs != w.runs || q.Pass != w.pass || q.Fail != w.fail || q.Blocked != w.blocked || q.Records != 10 {
				t.Errorf("%s %s: %s; want %+v", kind, key, q, w)
			}
			results[k][key] = q
		}
	}
	for key, q := range results[0] {
		a, _ := json.Marshal(q)
		b, _ := json.Marshal(results[1][key])
		if !bytes.Equal(a, b) {
			t.Errorf("%s: directory and SQLite logs answer differently:\n%s\n%s", key, a, b)
		}
	}

	// A period: runs are three days apart from 2026-01-05 (days 5, 8, 11,
	// 14, 17, 20, 23, 26, 29, Feb 1); [Jan 8, Jan 20] holds five.
	v := &evidence.Verification{Records: recs}
	since, _ := evidence.ParseTime("2026-01-08", false)
	until, _ := evidence.ParseTime("2026-01-20", true)
	for key := range want {
		fw, id, _ := strings.Cut(key, " ")
		q := evidence.Query(v, fw, id, "", since, until)
		if q.Records != 5 {
			t.Errorf("%s: %d runs in the period, want 5", key, q.Records)
		}
		break
	}

	// Exceptions in force: the access-log exception is applied whenever
	// its finding exists; the RDS one expired on 2026-01-20 and never
	// counts as applied.
	q := evidence.Query(v, model.FrameworkSOC2, "CC7.2", "", time.Time{}, time.Time{})
	for _, e := range q.Exceptions {
		if e.Status == evidence.ExceptionExpired {
			t.Errorf("expired exception listed as in force: %+v", e)
		}
	}
}

func TestEvidenceSyntheticHistory(t *testing.T) {
	// Three runs judging CC8.1 through two rules: pass, fail (blocking),
	// excepted; one exception applied twice.
	mk := func(day int, v1, v2 string, blocking bool, exc bool) *evidence.Record {
		r := &evidence.Record{
			Time: fmt.Sprintf("2026-03-%02dT00:00:00Z", day),
			Rules: []evidence.Rule{
				{ID: "A", Verdict: v1, Controls: model.Controls{"soc2": {"CC8.1"}}},
				{ID: "B", Verdict: v2, Controls: model.Controls{"soc2": {"CC8.1", "CC6.1"}}},
			},
			Outcome:  evidence.Outcome{ExitCode: map[bool]int{true: 1, false: 0}[blocking]},
			Sequence: int64(day),
			Digest:   strings.Repeat(fmt.Sprint(day%10), 64),
		}
		if blocking {
			r.Findings = append(r.Findings, evidence.Finding{RuleID: "B", Blocking: true})
		}
		if exc {
			r.Exceptions = []evidence.Exception{{ExceptionTerms: evidence.ExceptionTerms{Kind: "external", RuleID: "A*", Justification: "j", Location: "x:1"}, Status: evidence.ExceptionApplied, Findings: 2}}
		}
		return r
	}
	recs := []*evidence.Record{
		mk(1, "pass", "not_applicable", false, false),
		mk(2, "pass", "fail", true, true),
		mk(3, "excepted", "pass", false, true),
		mk(4, "not_applicable", "not_applicable", false, false),
	}
	h := evidence.History(recs)["soc2"]["CC8.1"]
	if h.Runs != 3 || h.Pass != 1 || h.Fail != 1 || h.Excepted != 1 || h.Blocked != 1 || h.BlockedByControl != 1 || h.Status != "excepted" {
		t.Errorf("%+v", h)
	}
	if h.LastFailure == nil || h.LastFailure.Sequence != 2 || strings.Join(h.LastFailure.Rules, ",") != "B" {
		t.Errorf("last failure %+v", h.LastFailure)
	}
	if len(h.Exceptions) != 1 || h.Exceptions[0].Runs != 2 || h.Exceptions[0].Suppressed != 4 {
		t.Errorf("exceptions %+v", h.Exceptions)
	}
	if strings.Join(h.Rules, ",") != "A,B" || h.FirstRun != recs[0].Time || h.LastRun != recs[2].Time {
		t.Errorf("%+v", h)
	}
	if c := evidence.History(recs)["soc2"]["CC6.1"]; c.Runs != 2 || c.Fail != 1 || len(c.Exceptions) != 0 {
		t.Errorf("CC6.1 %+v", c)
	}
}

func TestEvidenceRulePackDigest(t *testing.T) {
	fs := fstest.MapFS{
		"lib/a.rego":       {Data: []byte("package a\n")},
		"repo/b.rego":      {Data: []byte("package b\n")},
		"repo/b_test.rego": {Data: []byte("package b_test\n")},
	}
	d1, err := evidence.RulePackDigest(fs)
	if err != nil {
		t.Fatal(err)
	}
	// The documented form: sha256sum's manifest of the files, hashed.
	var manifest strings.Builder
	for _, p := range []string{"lib/a.rego", "repo/b.rego", "repo/b_test.rego"} {
		fmt.Fprintf(&manifest, "%x  %s\n", sha256.Sum256(fs[p].Data), p)
	}
	if want := fmt.Sprintf("%x", sha256.Sum256([]byte(manifest.String()))); d1 != want {
		t.Fatalf("digest %s, want %s", d1, want)
	}
	fs["repo/b.rego"] = &fstest.MapFile{Data: []byte("package b \n")}
	d2, _ := evidence.RulePackDigest(fs)
	if d1 == d2 {
		t.Error("digest did not change with a rule file")
	}
	fs["repo/b.rego"] = &fstest.MapFile{Data: []byte("package b\n")}
	d3, _ := evidence.RulePackDigest(fs)
	if d1 != d3 {
		t.Error("digest is not deterministic")
	}
}
