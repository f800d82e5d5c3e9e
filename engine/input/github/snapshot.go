package ghsettings

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/gatehq/gate/engine/model"
)

// A snapshot directory holds snapshot.json (the manifest) and one file per
// recorded response body, byte for byte as GitHub sent it.
const (
	ManifestName   = "snapshot.json"
	SnapshotFormat = "gate-github-snapshot/1"
	// replayBaseURL is where a replayed client points; nothing is dialled.
	replayBaseURL = "https://snapshot.invalid/"
)

// manifest describes a snapshot directory.
type manifest struct {
	Format     string `json:"format"`
	Repository string `json:"repository"`
	// Branches as asked when recording; "" is the default branch.
	Branches []string `json:"branches"`
	// APIURL is the API root the snapshot was recorded from (evidence only).
	APIURL    string          `json:"api_url,omitempty"`
	Responses []manifestEntry `json:"responses"`
}

// manifestEntry is one recorded response.
type manifestEntry struct {
	// Request is "GET /path?query", relative to the API root.
	Request string `json:"request"`
	Status  int    `json:"status"`
	// Headers are the response headers kept (Link, X-RateLimit-*, …).
	Headers map[string]string `json:"headers,omitempty"`
	// File holds the body, relative to the snapshot directory; "" = empty body.
	File string `json:"file,omitempty"`
}

// WriteSnapshot reads the repository's settings from the live API and
// records every response into dir (created; it must be empty or absent),
// so that ReadSnapshot(dir) later gives the same document offline.
func WriteSnapshot(ctx context.Context, opts Options, dir string) error {
	if err := emptyOrAbsent(dir); err != nil {
		return err
	}
	var rec *recorder
	s, err := newSession(opts, func(rt http.RoundTripper, basePath string) http.RoundTripper {
		rec = newRecorder(rt, basePath)
		return rec
	})
	if err != nil {
		return err
	}
	if _, err := s.fetch(ctx); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("snapshot directory: %w", err)
	}
	keys, exchanges := rec.exchanges()
	m := manifest{
		Format:     SnapshotFormat,
		Repository: s.owner + "/" + s.name,
		Branches:   s.branches,
		APIURL:     apiURLForRecord(opts.BaseURL),
		Responses:  make([]manifestEntry, 0, len(keys)),
	}
	for i, k := range keys {
		ex := exchanges[k]
		e := manifestEntry{Request: k, Status: ex.Status}
		if len(ex.Header) > 0 {
			e.Headers = ex.Header
		}
		if len(ex.Body) > 0 {
			e.File = fmt.Sprintf("%03d-%s.json", i+1, slug(k))
			if err := os.WriteFile(filepath.Join(dir, e.File), ex.Body, 0o644); err != nil {
				return fmt.Errorf("write snapshot: %w", err)
			}
		}
		m.Responses = append(m.Responses, e)
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("encode snapshot manifest: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, ManifestName), append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("write snapshot: %w", err)
	}
	return nil
}

func apiURLForRecord(base string) string {
	if strings.TrimSpace(base) == "" {
		return DefaultBaseURL
	}
	u, err := url.Parse(strings.TrimSpace(base))
	if err != nil {
		return ""
	}
	return u.Redacted()
}

func emptyOrAbsent(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("snapshot directory: %w", err)
	case len(entries) > 0:
		return fmt.Errorf("snapshot directory %s is not empty", dir)
	}
	return nil
}

var slugRe = regexp.MustCompile(`[^A-Za-z0-9._]+`)

// slug turns "GET /repos/o/r/branches/main/protection" into
// "repos-o-r-branches-main-protection".
func slug(key string) string {
	_, p, _ := strings.Cut(key, " ")
	s := strings.Trim(slugRe.ReplaceAllString(p, "-"), "-.")
	if len(s) > 100 {
		s = strings.Trim(s[:100], "-.")
	}
	if s == "" {
		s = "response"
	}
	return s
}

// ReadSnapshot reads a snapshot directory written by WriteSnapshot (or by
// hand, in the same format) and builds the document ReadLive would have
// built at recording time. repo, when not empty, must match the snapshot's
// repository. A malformed manifest or body is a *model.InputError naming
// the file (and line).
func ReadSnapshot(ctx context.Context, dir string, repo string) (*model.Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m, responses, files, err := loadSnapshot(dir)
	if err != nil {
		return nil, err
	}
	manPath := filepath.ToSlash(filepath.Join(dir, ManifestName))
	if repo != "" && !strings.EqualFold(strings.TrimSpace(repo), m.Repository) {
		return nil, &model.InputError{Path: manPath, Err: fmt.Errorf("snapshot is of %s, not %s", m.Repository, repo), Explicit: true}
	}
	rp := &replayer{responses: responses}
	s, err := newSession(Options{Repo: m.Repository, Branches: m.Branches, BaseURL: replayBaseURL},
		func(http.RoundTripper, string) http.RoundTripper { return rp })
	if err != nil {
		return nil, &model.InputError{Path: manPath, Err: err, Explicit: true}
	}
	f, err := s.fetch(ctx)
	if err != nil {
		var fe *fatalError
		if last := rp.lastServed(); errors.As(err, &fe) && fe.Decode && last.File != "" {
			ie := jsonInputError(last.File, last.Body, fe.Err)
			ie.Err = fmt.Errorf("%s: %w", fe.Request, fe.Err)
			return nil, ie
		}
		return nil, &model.InputError{Path: filepath.ToSlash(dir), Err: err, Explicit: true}
	}
	doc := document(f)
	doc.Files = files
	doc.Notes = append(doc.Notes, "GitHub settings read from snapshot "+filepath.ToSlash(dir))
	return doc, nil
}

// loadSnapshot reads and checks the manifest and every body it names.
func loadSnapshot(dir string) (*manifest, map[string]replayed, []model.InputFile, error) {
	manPath := filepath.Join(dir, ManifestName)
	raw, err := os.ReadFile(manPath)
	if err != nil {
		return nil, nil, nil, &model.InputError{Path: filepath.ToSlash(manPath), Err: fmt.Errorf("read snapshot manifest: %w", err), Explicit: true}
	}
	var m manifest
	if err := decodeStrict(raw, &m); err != nil {
		return nil, nil, nil, jsonInputError(manPath, raw, err)
	}
	bad := func(format string, args ...any) error {
		return &model.InputError{Path: filepath.ToSlash(manPath), Err: fmt.Errorf(format, args...), Explicit: true}
	}
	if m.Format != SnapshotFormat {
		return nil, nil, nil, bad("format %q: want %q", m.Format, SnapshotFormat)
	}
	if _, _, err := splitRepo(m.Repository); err != nil {
		return nil, nil, nil, bad("%v", err)
	}
	files := []model.InputFile{fileRecord(manPath, raw)}
	responses := map[string]replayed{}
	for i, e := range m.Responses {
		key, err := normalizeKey(e.Request)
		if err != nil {
			return nil, nil, nil, bad("responses[%d]: %v", i, err)
		}
		if _, dup := responses[key]; dup {
			return nil, nil, nil, bad("responses[%d]: %s recorded twice", i, key)
		}
		if e.Status < 100 || e.Status > 599 {
			return nil, nil, nil, bad("responses[%d] (%s): status %d is not an HTTP status", i, key, e.Status)
		}
		r := replayed{exchange: exchange{Status: e.Status, Header: e.Headers}}
		if e.File != "" {
			if !filepath.IsLocal(filepath.FromSlash(e.File)) || path.Clean(e.File) != e.File {
				return nil, nil, nil, bad("responses[%d] (%s): file %q must be a clean path inside the snapshot directory", i, key, e.File)
			}
			p := filepath.Join(dir, filepath.FromSlash(e.File))
			body, err := os.ReadFile(p)
			if err != nil {
				return nil, nil, nil, &model.InputError{Path: filepath.ToSlash(p), Err: fmt.Errorf("snapshot body of %s: %w", key, err), Explicit: true}
			}
			var v json.RawMessage
			if err := decodeStrict(body, &v); err != nil {
				return nil, nil, nil, jsonInputError(p, body, err)
			}
			r.Body = body
			r.File = filepath.ToSlash(p)
			files = append(files, fileRecord(p, body))
		} else if e.Status == http.StatusOK {
			return nil, nil, nil, bad("responses[%d] (%s): status 200 without a file", i, key)
		}
		responses[key] = r
	}
	return &m, responses, files, nil
}

func fileRecord(p string, b []byte) model.InputFile {
	sum := sha256.Sum256(b)
	return model.InputFile{Path: filepath.ToSlash(p), SHA256: hex.EncodeToString(sum[:]), Size: int64(len(b))}
}

// decodeStrict decodes one JSON value, rejecting unknown manifest fields
// and anything after the value.
func decodeStrict(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	if _, ok := v.(*manifest); ok {
		dec.DisallowUnknownFields()
	}
	if err := dec.Decode(v); err != nil {
		if errors.Is(err, io.EOF) {
			return errors.New("empty file")
		}
		return err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return &trailingError{offset: dec.InputOffset()}
	}
	return nil
}

type trailingError struct{ offset int64 }

func (e *trailingError) Error() string { return "extra data after the JSON value" }

// jsonInputError locates a JSON error in the file.
func jsonInputError(p string, b []byte, err error) *model.InputError {
	ie := &model.InputError{Path: filepath.ToSlash(p), Err: err, Explicit: true}
	var off int64
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var tr *trailingError
	switch {
	case errors.As(err, &syn):
		off = syn.Offset
	case errors.As(err, &typ):
		off = typ.Offset
	case errors.As(err, &tr):
		off = tr.offset
	case errors.Is(err, io.ErrUnexpectedEOF):
		off = int64(len(b))
		ie.Err = fmt.Errorf("truncated JSON: %w", err)
	}
	if off > 0 {
		ie.Offset = off
		ie.Line, ie.Column = lineCol(b, off)
	}
	return ie
}

// lineCol converts a byte offset into a 1-based line and column.
func lineCol(b []byte, off int64) (int, int) {
	if off > int64(len(b)) {
		off = int64(len(b))
	}
	line, col := 1, 1
	for _, c := range b[:off] {
		if c == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return line, col
}
