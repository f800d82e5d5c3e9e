package evidence

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Store is an append-only evidence log.
type Store interface {
	// Location is the log's path, for messages.
	Location() string
	// Append seals r as the log's next record (sequence, previous digest,
	// digest) and stores it; it returns the stored bytes. It refuses to
	// append after a damaged record or to a log of another repository.
	Append(ctx context.Context, r *Record) ([]byte, error)
	// Entries returns every stored record, in sequence order, unchecked.
	Entries(ctx context.Context) ([]Entry, error)
	Close() error
}

// Entry is one stored record before it is checked.
type Entry struct {
	// Name is how messages name the record: the file name in a directory
	// log, "#<sequence>" in a database.
	Name string
	// Seq is the sequence number the storage claims (file name, row key).
	Seq int64
	// DigestPrefix is the digest prefix the file name claims ("" in a database).
	DigestPrefix string
	Data         []byte
	// Err is set when the record could not be read at all.
	Err error
}

// IsDatabase reports whether a log path names a SQLite store (ends in ".db").
func IsDatabase(path string) bool { return strings.EqualFold(filepath.Ext(path), ".db") }

// Create opens the log at path for appending, creating it when missing: a
// SQLite database when path ends in ".db", a directory otherwise.
func Create(ctx context.Context, path string, c *Checker) (Store, error) {
	if IsDatabase(path) {
		return openSQLite(ctx, path, c, true)
	}
	if err := os.MkdirAll(path, 0o755); err != nil {
		return nil, fmt.Errorf("evidence log %s: %w", path, err)
	}
	return openDir(path, c)
}

// Open opens an existing log for reading and verification.
func Open(ctx context.Context, path string, c *Checker) (Store, error) {
	if IsDatabase(path) {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("evidence log %s: %w", path, err)
		}
		return openSQLite(ctx, path, c, false)
	}
	return openDir(path, c)
}

// dirStore is a directory with one read-only file per record, named
// <sequence>-<time>-<digest prefix>.json.
type dirStore struct {
	dir string
	c   *Checker
}

func openDir(dir string, c *Checker) (*dirStore, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("evidence log %s: %w", dir, err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("evidence log %s: not a directory (a SQLite log must end in .db)", dir)
	}
	return &dirStore{dir: dir, c: c}, nil
}

func (s *dirStore) Location() string { return s.dir }
func (s *dirStore) Close() error     { return nil }

// lockName is the file that serialises appends to a directory log.
const lockName = ".gate-evidence.lock"

var recordName = regexp.MustCompile(`^([0-9]{6,})-([0-9]{8}T[0-9]{6}Z)-([0-9a-f]{12})\.json$`)

// FileName is the name of a sealed record in a directory log.
func FileName(r *Record) (string, error) {
	t, err := r.Started()
	if err != nil {
		return "", err
	}
	if len(r.Digest) < 12 {
		return "", errors.New("record is not sealed")
	}
	return fmt.Sprintf("%06d-%s-%s.json", r.Sequence, t.UTC().Format("20060102T150405Z"), r.Digest[:12]), nil
}

// names lists the log's record files sorted by sequence; other files (not
// hidden ones) come back as entries that fail with ErrName.
func (s *dirStore) names() ([]Entry, error) {
	des, err := os.ReadDir(s.dir)
	if err != nil {
		return nil, fmt.Errorf("evidence log %s: %w", s.dir, err)
	}
	var out []Entry
	for _, de := range des {
		name := de.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		m := recordName.FindStringSubmatch(name)
		if m == nil || de.IsDir() {
			out = append(out, Entry{Name: name, Err: fmt.Errorf("%w: not an evidence record (want <sequence>-<time>-<digest>.json); an evidence log directory holds records only", ErrName)})
			continue
		}
		seq, err := strconv.ParseInt(m[1], 10, 64)
		if err != nil || seq < 1 {
			out = append(out, Entry{Name: name, Err: fmt.Errorf("%w: bad sequence number %q", ErrName, m[1])})
			continue
		}
		out = append(out, Entry{Name: name, Seq: seq, DigestPrefix: m[3]})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Seq != out[j].Seq {
			return out[i].Seq < out[j].Seq
		}
		return out[i].Name < out[j].Name
	})
	return out, nil
}

func (s *dirStore) Entries(ctx context.Context) ([]Entry, error) {
	es, err := s.names()
	if err != nil {
		return nil, err
	}
	for i := range es {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if es[i].Err != nil {
			continue
		}
		b, err := os.ReadFile(filepath.Join(s.dir, es[i].Name))
		if err != nil {
			es[i].Err = err
			continue
		}
		es[i].Data = b
	}
	return es, nil
}

func (s *dirStore) Append(ctx context.Context, r *Record) ([]byte, error) {
	lock := filepath.Join(s.dir, lockName)
	lf, err := os.OpenFile(lock, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("evidence log %s: another gate run is appending (lock file %s exists; remove it if no run is in progress): %w", s.dir, lock, err)
		}
		return nil, fmt.Errorf("evidence log %s: %w", s.dir, err)
	}
	fmt.Fprintf(lf, "pid %d\n", os.Getpid())
	lf.Close()
	defer os.Remove(lock)

	es, err := s.names()
	if err != nil {
		return nil, err
	}
	var prev *Record
	if n := len(es); n > 0 {
		last := es[n-1]
		if last.Err != nil {
			return nil, fmt.Errorf("evidence log %s: %s: %w; run `gate evidence verify %s`", s.dir, last.Name, last.Err, s.dir)
		}
		b, err := os.ReadFile(filepath.Join(s.dir, last.Name))
		if err != nil {
			return nil, fmt.Errorf("evidence log %s: last record %s: %w", s.dir, last.Name, err)
		}
		if prev, err = s.c.Parse(b); err != nil {
			return nil, fmt.Errorf("evidence log %s: last record %s is damaged, refusing to append: %w; run `gate evidence verify %s`", s.dir, last.Name, err, s.dir)
		}
		if prev.Sequence != last.Seq {
			return nil, fmt.Errorf("evidence log %s: last record %s holds sequence %d, refusing to append; run `gate evidence verify %s`", s.dir, last.Name, prev.Sequence, s.dir)
		}
	}
	data, err := seal(s.c, r, prev)
	if err != nil {
		return nil, fmt.Errorf("evidence log %s: %w", s.dir, err)
	}
	name, err := FileName(r)
	if err != nil {
		return nil, fmt.Errorf("evidence log %s: %w", s.dir, err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	path := filepath.Join(s.dir, name)
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o444)
	if err != nil {
		return nil, fmt.Errorf("evidence log %s: %w", s.dir, err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(path)
		return nil, fmt.Errorf("evidence log %s: write %s: %w", s.dir, name, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		os.Remove(path)
		return nil, fmt.Errorf("evidence log %s: write %s: %w", s.dir, name, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return nil, fmt.Errorf("evidence log %s: write %s: %w", s.dir, name, err)
	}
	return data, nil
}

// seal makes r the successor of prev (nil: the first record) and checks the
// result parses back as a valid record.
func seal(c *Checker, r *Record, prev *Record) ([]byte, error) {
	seq, prevDigest := int64(1), ""
	if prev != nil {
		if prev.Run.Repository != r.Run.Repository {
			return nil, fmt.Errorf("%w: this run is of repository %q, the log holds records of %q; use another log", ErrRepository, r.Run.Repository, prev.Run.Repository)
		}
		seq, prevDigest = prev.Sequence+1, prev.Digest
	}
	data, err := r.Seal(seq, prevDigest)
	if err != nil {
		return nil, err
	}
	if _, err := c.Parse(data); err != nil {
		return nil, fmt.Errorf("the new record is not valid: %w", err)
	}
	return data, nil
}

// WriteFile writes a sealed record to path on its own, replacing the file
// atomically.
func WriteFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("evidence %s: %w", path, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".gate-evidence-*.tmp")
	if err != nil {
		return fmt.Errorf("evidence %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("evidence %s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("evidence %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("evidence %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("evidence %s: %w", path, err)
	}
	return nil
}

// ParseTime parses a --since/--until value: a date (YYYY-MM-DD, UTC) or an
// RFC 3339 time. Bounds are [since, until): a date as an upper bound
// (upper true) means the end of that day, so the day is included.
func ParseTime(s string, upper bool) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		if upper {
			t = t.AddDate(0, 0, 1)
		}
		return t, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("time %q: want a date (2026-01-31) or an RFC 3339 time (2026-01-31T12:00:00Z)", s)
	}
	return t, nil
}
