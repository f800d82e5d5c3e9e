package evidence

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	_ "modernc.org/sqlite" // pure Go SQLite driver, "sqlite"
)

// DatabaseFormat is stored in a SQLite log's gate_meta table.
const DatabaseFormat = "gate-evidence-log/1"

// sqliteSchema is a SQLite evidence log. records holds every record's
// canonical bytes (body) with a few columns for queries; rule_verdicts,
// control_verdicts and exceptions are derived from the bodies for ad-hoc SQL
// and are checked against them by Verify. Triggers make every table
// append-only.
var sqliteSchema = []string{
	`CREATE TABLE IF NOT EXISTS gate_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
	`CREATE TABLE IF NOT EXISTS records (
		seq INTEGER PRIMARY KEY,
		time TEXT NOT NULL,
		digest TEXT NOT NULL UNIQUE,
		prev_digest TEXT NOT NULL,
		repository TEXT NOT NULL,
		commit_sha TEXT NOT NULL,
		pull_request INTEGER NOT NULL,
		exit_code INTEGER NOT NULL,
		body BLOB NOT NULL
	)`,
	`CREATE INDEX IF NOT EXISTS records_time ON records(time)`,
	`CREATE TABLE IF NOT EXISTS rule_verdicts (
		seq INTEGER NOT NULL, rule_id TEXT NOT NULL, verdict TEXT NOT NULL,
		PRIMARY KEY (seq, rule_id))`,
	`CREATE TABLE IF NOT EXISTS control_verdicts (
		seq INTEGER NOT NULL, framework TEXT NOT NULL, control TEXT NOT NULL, verdict TEXT NOT NULL, rules TEXT NOT NULL,
		PRIMARY KEY (seq, framework, control))`,
	`CREATE INDEX IF NOT EXISTS control_verdicts_control ON control_verdicts(framework, control)`,
	`CREATE TABLE IF NOT EXISTS exceptions (
		seq INTEGER NOT NULL, idx INTEGER NOT NULL, kind TEXT NOT NULL, rule_id TEXT NOT NULL, subject TEXT NOT NULL,
		justification TEXT NOT NULL, until TEXT NOT NULL, owner TEXT NOT NULL, ticket TEXT NOT NULL,
		location TEXT NOT NULL, status TEXT NOT NULL, findings INTEGER NOT NULL,
		PRIMARY KEY (seq, idx))`,
}

var sqliteTables = []string{"records", "rule_verdicts", "control_verdicts", "exceptions"}

type sqliteStore struct {
	path string
	db   *sql.DB
	c    *Checker
}

func openSQLite(ctx context.Context, path string, c *Checker, create bool) (*sqliteStore, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("evidence log %s: %w", path, err)
	}
	mode := "ro"
	if create {
		mode = "rwc"
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	u.RawQuery = "mode=" + mode + "&_txlock=immediate&_busy_timeout=30000"
	db, err := sql.Open("sqlite", u.String())
	if err != nil {
		return nil, fmt.Errorf("evidence log %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	s := &sqliteStore{path: path, db: db, c: c}
	if create {
		if err := s.init(ctx); err != nil {
			db.Close()
			return nil, err
		}
	}
	var format string
	if err := db.QueryRowContext(ctx, `SELECT value FROM gate_meta WHERE key = 'format'`).Scan(&format); err != nil {
		db.Close()
		return nil, fmt.Errorf("evidence log %s: not a gate evidence database: %w", path, err)
	}
	if format != DatabaseFormat {
		db.Close()
		return nil, fmt.Errorf("evidence log %s: database format %q, this gate reads %q", path, format, DatabaseFormat)
	}
	return s, nil
}

func (s *sqliteStore) init(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("evidence log %s: %w", s.path, err)
	}
	defer tx.Rollback()
	// Never add our tables to somebody else's database.
	var tables, ours int
	if err := tx.QueryRowContext(ctx, `SELECT count(*), count(CASE WHEN name = 'gate_meta' THEN 1 END) FROM sqlite_master WHERE type = 'table'`).Scan(&tables, &ours); err != nil {
		return fmt.Errorf("evidence log %s: not a SQLite database: %w", s.path, err)
	}
	if tables > 0 && ours == 0 {
		return fmt.Errorf("evidence log %s: a SQLite database that is not a gate evidence log (it has %d other table(s)); use a new file", s.path, tables)
	}
	stmts := append([]string(nil), sqliteSchema...)
	for _, t := range sqliteTables {
		for _, op := range []string{"UPDATE", "DELETE"} {
			stmts = append(stmts, fmt.Sprintf(`CREATE TRIGGER IF NOT EXISTS %s_no_%s BEFORE %s ON %s
				BEGIN SELECT RAISE(ABORT, 'gate evidence logs are append-only'); END`, t, strings.ToLower(op), op, t))
		}
	}
	stmts = append(stmts, `INSERT OR IGNORE INTO gate_meta(key, value) VALUES ('format', '`+DatabaseFormat+`')`)
	for _, q := range stmts {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("evidence log %s: create tables: %w", s.path, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("evidence log %s: %w", s.path, err)
	}
	return nil
}

func (s *sqliteStore) Location() string { return s.path }
func (s *sqliteStore) Close() error     { return s.db.Close() }

func (s *sqliteStore) Entries(ctx context.Context) ([]Entry, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT seq, body FROM records ORDER BY seq`)
	if err != nil {
		return nil, fmt.Errorf("evidence log %s: %w", s.path, err)
	}
	defer rows.Close()
	var out []Entry
	for rows.Next() {
		var e Entry
		if err := rows.Scan(&e.Seq, &e.Data); err != nil {
			return nil, fmt.Errorf("evidence log %s: %w", s.path, err)
		}
		e.Name = "#" + strconv.FormatInt(e.Seq, 10)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("evidence log %s: %w", s.path, err)
	}
	return out, nil
}

func (s *sqliteStore) Append(ctx context.Context, r *Record) ([]byte, error) {
	tx, err := s.db.BeginTx(ctx, nil) // BEGIN IMMEDIATE (_txlock): appends are serialised
	if err != nil {
		return nil, fmt.Errorf("evidence log %s: %w", s.path, err)
	}
	defer tx.Rollback()
	var prev *Record
	var seq int64
	var body []byte
	switch err := tx.QueryRowContext(ctx, `SELECT seq, body FROM records ORDER BY seq DESC LIMIT 1`).Scan(&seq, &body); {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return nil, fmt.Errorf("evidence log %s: %w", s.path, err)
	default:
		if prev, err = s.c.Parse(body); err != nil {
			return nil, fmt.Errorf("evidence log %s: last record #%d is damaged, refusing to append: %w; run `gate evidence verify %s`", s.path, seq, err, s.path)
		}
		if prev.Sequence != seq {
			return nil, fmt.Errorf("evidence log %s: last row #%d holds record sequence %d, refusing to append; run `gate evidence verify %s`", s.path, seq, prev.Sequence, s.path)
		}
	}
	data, err := seal(s.c, r, prev)
	if err != nil {
		return nil, fmt.Errorf("evidence log %s: %w", s.path, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO records(seq, time, digest, prev_digest, repository, commit_sha, pull_request, exit_code, body)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.Sequence, r.Time, r.Digest, r.PrevDigest, r.Run.Repository, r.Run.Commit, r.Run.PullRequest, r.Outcome.ExitCode, data); err != nil {
		return nil, fmt.Errorf("evidence log %s: %w", s.path, err)
	}
	d := derive(r)
	for _, v := range d.rules {
		if _, err := tx.ExecContext(ctx, `INSERT INTO rule_verdicts(seq, rule_id, verdict) VALUES (?, ?, ?)`, r.Sequence, v[0], v[1]); err != nil {
			return nil, fmt.Errorf("evidence log %s: %w", s.path, err)
		}
	}
	for _, v := range d.controls {
		if _, err := tx.ExecContext(ctx, `INSERT INTO control_verdicts(seq, framework, control, verdict, rules) VALUES (?, ?, ?, ?, ?)`,
			r.Sequence, v[0], v[1], v[2], v[3]); err != nil {
			return nil, fmt.Errorf("evidence log %s: %w", s.path, err)
		}
	}
	for i, e := range r.Exceptions {
		if _, err := tx.ExecContext(ctx, `INSERT INTO exceptions(seq, idx, kind, rule_id, subject, justification, until, owner, ticket, location, status, findings)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			r.Sequence, i, e.Kind, e.RuleID, e.Subject, e.Justification, e.Until, e.Owner, e.Ticket, e.Location, e.Status, e.Findings); err != nil {
			return nil, fmt.Errorf("evidence log %s: %w", s.path, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("evidence log %s: %w", s.path, err)
	}
	return data, nil
}

// derived are a record's rows in the derived tables, as string tuples.
type derived struct {
	rules, controls, exceptions [][]string
}

func derive(r *Record) derived {
	var d derived
	for _, rule := range r.Rules {
		d.rules = append(d.rules, []string{rule.ID, rule.Verdict})
	}
	cvs := r.ControlVerdicts()
	for fw, m := range cvs {
		for id, cv := range m {
			d.controls = append(d.controls, []string{fw, id, cv.Verdict, strings.Join(cv.Rules, ",")})
		}
	}
	for i, e := range r.Exceptions {
		d.exceptions = append(d.exceptions, []string{strconv.Itoa(i), e.Kind, e.RuleID, e.Subject, e.Justification,
			e.Until, e.Owner, e.Ticket, e.Location, e.Status, strconv.Itoa(e.Findings)})
	}
	return d
}

// joinRows renders rows for comparison, sorted.
func joinRows(rows [][]string) []string {
	out := make([]string, 0, len(rows))
	for _, r := range rows {
		out = append(out, strings.Join(r, "\x1f"))
	}
	slices.Sort(out)
	return out
}

// checkIndex compares the query columns and derived tables with the record
// bodies (recs by row sequence; nil for a damaged body).
func (s *sqliteStore) checkIndex(ctx context.Context, recs map[int64]*Record) ([]Problem, error) {
	var problems []Problem
	add := func(seq int64, format string, args ...any) {
		problems = append(problems, Problem{Record: "#" + strconv.FormatInt(seq, 10), Err: fmt.Errorf("%w: "+format, append([]any{ErrIndex}, args...)...)})
	}
	rows, err := s.db.QueryContext(ctx, `SELECT seq, time, digest, prev_digest, repository, commit_sha, pull_request, exit_code FROM records ORDER BY seq`)
	if err != nil {
		return nil, fmt.Errorf("evidence log %s: %w", s.path, err)
	}
	for rows.Next() {
		var seq int64
		var tm, dg, prev, repo, commit string
		var pr, exit int
		if err := rows.Scan(&seq, &tm, &dg, &prev, &repo, &commit, &pr, &exit); err != nil {
			rows.Close()
			return nil, fmt.Errorf("evidence log %s: %w", s.path, err)
		}
		r := recs[seq]
		if r == nil {
			continue
		}
		for _, c := range []struct {
			col       string
			got, want any
		}{
			{"time", tm, r.Time}, {"digest", dg, r.Digest}, {"prev_digest", prev, r.PrevDigest},
			{"repository", repo, r.Run.Repository}, {"commit_sha", commit, r.Run.Commit},
			{"pull_request", pr, r.Run.PullRequest}, {"exit_code", exit, r.Outcome.ExitCode},
		} {
			if c.got != c.want {
				add(seq, "column %s is %v, the record says %v", c.col, c.got, c.want)
			}
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("evidence log %s: %w", s.path, err)
	}

	tables := []struct {
		name, cols string
		pick       func(derived) [][]string
	}{
		{"rule_verdicts", "rule_id, verdict", func(d derived) [][]string { return d.rules }},
		{"control_verdicts", "framework, control, verdict, rules", func(d derived) [][]string { return d.controls }},
		{"exceptions", "idx, kind, rule_id, subject, justification, until, owner, ticket, location, status, findings", func(d derived) [][]string { return d.exceptions }},
	}
	for _, t := range tables {
		stored, err := s.tableRows(ctx, t.name, t.cols)
		if err != nil {
			return nil, err
		}
		seqs := map[int64]bool{}
		for seq := range stored {
			seqs[seq] = true
		}
		for seq := range recs {
			seqs[seq] = true
		}
		for _, seq := range slices.Sorted(maps.Keys(seqs)) {
			r, ok := recs[seq]
			if !ok {
				add(seq, "table %s has rows for a record that does not exist", t.name)
				continue
			}
			if r == nil {
				continue
			}
			if !slices.Equal(joinRows(t.pick(derive(r))), joinRows(stored[seq])) {
				add(seq, "table %s differs from the record's content", t.name)
			}
		}
	}
	return problems, nil
}

func (s *sqliteStore) tableRows(ctx context.Context, table, cols string) (map[int64][][]string, error) {
	n := len(strings.Split(cols, ","))
	rows, err := s.db.QueryContext(ctx, `SELECT seq, `+cols+` FROM `+table)
	if err != nil {
		return nil, fmt.Errorf("evidence log %s: %w", s.path, err)
	}
	defer rows.Close()
	out := map[int64][][]string{}
	for rows.Next() {
		var seq int64
		vals := make([]sql.NullString, n)
		dest := []any{&seq}
		for i := range vals {
			dest = append(dest, &vals[i])
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("evidence log %s: %s: %w", s.path, table, err)
		}
		row := make([]string, n)
		for i, v := range vals {
			row[i] = v.String
		}
		out[seq] = append(out[seq], row)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("evidence log %s: %s: %w", s.path, table, err)
	}
	return out, nil
}
