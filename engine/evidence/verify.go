package evidence

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
)

// Problem is what is wrong with one record.
type Problem struct {
	// Record names it: the file name in a directory log, "#<sequence>" in
	// a database, the path of a record file.
	Record string
	Err    error
}

func (p Problem) Error() string { return "record " + p.Record + ": " + p.Err.Error() }
func (p Problem) Unwrap() error { return p.Err }

// MarshalJSON writes {"record": …, "error": …}.
func (p Problem) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Record string `json:"record"`
		Error  string `json:"error"`
	}{p.Record, p.Err.Error()})
}

// Verification is the result of checking a log.
type Verification struct {
	Location string
	// Entries counts what the log holds (records and anything else).
	Entries int
	// Repository is the repository the log's records are of (the one most
	// of its intact records name).
	Repository string
	// Records are the intact records of that repository, in sequence
	// order: those whose content is unchanged, whatever their place in the
	// chain. Reports cover them.
	Records []*Record
	// Head is the last record, when it is intact.
	Head     *Record
	Problems []Problem
}

// OK reports whether the log verified: every record intact, in sequence,
// chained, of one repository.
func (v *Verification) OK() bool { return len(v.Problems) == 0 }

// Verify checks every record of a log: each must be intact (valid JSON in
// canonical form whose content matches its digest, valid against the
// schema), numbered one after the other from 1, name the digest of the one
// before it, and be of the same repository as the others. A database's query
// columns and derived tables must match the records. Problems name the
// record; err is only for a log that cannot be read at all.
func Verify(ctx context.Context, st Store, c *Checker) (*Verification, error) {
	entries, err := st.Entries(ctx)
	if err != nil {
		return nil, err
	}
	v := verifyEntries(c, entries, st.Location())
	if ss, ok := st.(*sqliteStore); ok {
		recs := map[int64]*Record{}
		for _, e := range entries {
			recs[e.Seq] = nil
		}
		for _, r := range v.all {
			recs[r.Sequence] = r
		}
		ps, err := ss.checkIndex(ctx, recs)
		if err != nil {
			return nil, err
		}
		v.Problems = append(v.Problems, ps...)
	}
	return &v.Verification, nil
}

type verification struct {
	Verification
	all []*Record // every intact record, any repository
}

func verifyEntries(c *Checker, entries []Entry, location string) *verification {
	v := &verification{Verification: Verification{Location: location, Entries: len(entries)}}
	type indexed struct {
		i int
		p Problem
	}
	var problems []indexed
	add := func(i int, name string, err error) {
		problems = append(problems, indexed{i, Problem{Record: name, Err: err}})
	}
	intact := make([]*Record, len(entries))
	var (
		prevSeq    int64
		prev       *Record // the previous entry, when intact
		prevPrefix string  // digest prefix its file name claims, when not
		prevName   string
	)
	for i, e := range entries {
		var r *Record
		if e.Err != nil {
			add(i, e.Name, e.Err)
		} else if rec, err := c.Parse(e.Data); err != nil {
			add(i, e.Name, err)
		} else {
			r = rec
			intact[i] = r
			v.all = append(v.all, r)
			if e.Seq != 0 && r.Sequence != e.Seq {
				if e.DigestPrefix != "" {
					add(i, e.Name, fmt.Errorf("%w: the file name says sequence %d, the record inside says %d: records were renamed or reordered", ErrName, e.Seq, r.Sequence))
				} else {
					add(i, e.Name, fmt.Errorf("%w: row #%d holds the record with sequence %d: rows were renumbered or reordered", ErrIndex, e.Seq, r.Sequence))
				}
			}
			if e.DigestPrefix != "" && !strings.HasPrefix(r.Digest, e.DigestPrefix) {
				add(i, e.Name, fmt.Errorf("%w: the file name says digest %s…, the record's digest is %s…", ErrName, e.DigestPrefix, short(r.Digest)))
			}
			if r.Sequence == 0 {
				add(i, e.Name, fmt.Errorf("%w: the record has no sequence number: it was written on its own (--evidence), not appended to a log", ErrSequence))
			}
		}
		seq := e.Seq
		if r != nil && r.Sequence > 0 {
			seq = r.Sequence
		}
		if seq == 0 {
			continue // a stray file: no place in the chain
		}
		switch {
		case seq <= prevSeq:
			add(i, e.Name, fmt.Errorf("%w: sequence %d comes after %d (%s): records were duplicated or reordered", ErrSequence, seq, prevSeq, prevName))
		case seq > prevSeq+1:
			missing := fmt.Sprintf("#%d", prevSeq+1)
			if seq > prevSeq+2 {
				missing = fmt.Sprintf("#%d to #%d", prevSeq+1, seq-1)
			}
			add(i, e.Name, fmt.Errorf("%w: record %s is missing before this one: removed from the log", ErrSequence, missing))
		case r == nil:
		case seq == 1:
			if r.PrevDigest != "" {
				add(i, e.Name, fmt.Errorf("%w: the first record names a previous record (%s…): records before it were removed", ErrChain, short(r.PrevDigest)))
			}
		case prev != nil:
			if r.PrevDigest != prev.Digest {
				add(i, e.Name, fmt.Errorf("%w: prev_digest %s… is not the digest of the record before it, %s (%s…): a record was replaced, reordered or the chain rebuilt", ErrChain, short(r.PrevDigest), prevName, short(prev.Digest)))
			}
		case prevPrefix != "":
			if !strings.HasPrefix(r.PrevDigest, prevPrefix) {
				add(i, e.Name, fmt.Errorf("%w: prev_digest %s… does not match the digest in the name of %s (%s…)", ErrChain, short(r.PrevDigest), prevName, prevPrefix))
			}
		}
		if seq > prevSeq {
			prevSeq = seq
		}
		prev, prevPrefix, prevName = r, e.DigestPrefix, e.Name
	}

	// The log's repository: the one most intact records name (the earliest
	// on a tie). Records of any other were mixed in.
	count := map[string]int{}
	first := map[string]int{}
	for i := len(entries) - 1; i >= 0; i-- {
		if r := intact[i]; r != nil {
			count[r.Run.Repository]++
			first[r.Run.Repository] = i
		}
	}
	bestN := -1
	for repo, n := range count {
		if n > bestN || n == bestN && first[repo] < first[v.Repository] {
			v.Repository, bestN = repo, n
		}
	}
	for i, r := range intact {
		if r == nil {
			continue
		}
		if r.Run.Repository != v.Repository {
			add(i, entries[i].Name, fmt.Errorf("%w: it is of repository %q, the log holds records of %q", ErrRepository, r.Run.Repository, v.Repository))
			continue
		}
		v.Records = append(v.Records, r)
	}
	if n := len(entries); n > 0 && intact[n-1] != nil {
		v.Head = intact[n-1]
	}
	sort.SliceStable(problems, func(a, b int) bool { return problems[a].i < problems[b].i })
	for _, p := range problems {
		v.Problems = append(v.Problems, p.p)
	}
	return v
}

// VerifyFile checks one record file on its own (written with --evidence, or
// copied out of a log): intact and valid against the schema.
func VerifyFile(path string, c *Checker) (*Verification, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("evidence %s: %w", path, err)
	}
	v := &Verification{Location: path, Entries: 1}
	r, err := c.Parse(b)
	if err != nil {
		v.Problems = append(v.Problems, Problem{Record: path, Err: err})
		return v, nil
	}
	v.Repository, v.Records, v.Head = r.Run.Repository, []*Record{r}, r
	return v, nil
}

// Load reads a report's source: a log (directory or .db) or one record
// file. The records it returns are the intact ones of the log's
// repository; problems name every bad record.
func Load(ctx context.Context, path string, c *Checker) (*Verification, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("evidence %s: %w", path, err)
	}
	if !st.IsDir() && !IsDatabase(path) {
		return VerifyFile(path, c)
	}
	s, err := Open(ctx, path, c)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	return Verify(ctx, s, c)
}
