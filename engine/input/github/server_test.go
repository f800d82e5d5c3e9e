package ghsettings

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
)

const (
	testToken = "ghp_testTOKEN0123456789abcdefghijklmnopqrs"
	apiPrefix = "/api/v3/" // the fake server is a GitHub Enterprise Server
)

// fixture returns the path of a recorded snapshot under fixtures/github.
func fixture(name string) string {
	return filepath.Join("..", "..", "..", "fixtures", "github", "snapshots", name)
}

var snapshotNames = []string{"classic-only", "rulesets-only", "both", "disabled-ruleset", "no-admin", "free-private"}

// fakeGitHub serves recorded responses with their real status codes and
// headers, the way api.github.com (here under /api/v3/) would.
type fakeGitHub struct {
	t         *testing.T
	srv       *httptest.Server
	repo      string // owner/name of the snapshot served
	responses map[string]replayed

	mu       sync.Mutex
	hits     map[string]int
	badAuth  []string
	override map[string]func(w http.ResponseWriter, r *http.Request, hit int)
}

func newFakeGitHub(t *testing.T, snapshot string) *fakeGitHub {
	t.Helper()
	f := &fakeGitHub{t: t, responses: map[string]replayed{}, hits: map[string]int{}, override: map[string]func(http.ResponseWriter, *http.Request, int){}}
	if snapshot != "" {
		m, responses, _, err := loadSnapshot(fixture(snapshot))
		if err != nil {
			t.Fatal(err)
		}
		f.repo, f.responses = m.Repository, responses
	}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeGitHub) baseURL() string { return f.srv.URL + strings.TrimSuffix(apiPrefix, "/") }

func (f *fakeGitHub) options(branches ...string) Options {
	return Options{Repo: f.repo, Token: testToken, BaseURL: f.baseURL(), Branches: branches, HTTPClient: f.srv.Client()}
}

// set replaces (or adds) a response.
func (f *fakeGitHub) set(key string, status int, body any, header map[string]string) {
	var b []byte
	switch v := body.(type) {
	case nil:
	case string:
		b = []byte(v)
	default:
		var err error
		if b, err = json.Marshal(v); err != nil {
			f.t.Fatal(err)
		}
	}
	f.responses[key] = replayed{exchange: exchange{Status: status, Header: header, Body: b}}
}

func (f *fakeGitHub) serve(w http.ResponseWriter, r *http.Request) {
	if !strings.HasPrefix(r.URL.Path, apiPrefix) {
		f.t.Errorf("request outside the API root: %s", r.URL.Path)
		http.NotFound(w, r)
		return
	}
	key := requestKey(apiPrefix, r)
	f.mu.Lock()
	f.hits[key]++
	hit := f.hits[key]
	if got := r.Header.Get("Authorization"); got != "Bearer "+testToken {
		f.badAuth = append(f.badAuth, key)
	}
	fn := f.override[key]
	f.mu.Unlock()
	if fn != nil {
		fn(w, r, hit)
		return
	}
	ex, ok := f.responses[key]
	if !ok {
		f.t.Errorf("unexpected request %s", key)
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, `{"message":"Not Found"}`)
		return
	}
	for k, v := range ex.Header {
		w.Header().Set(k, v)
	}
	if len(ex.Body) > 0 && w.Header().Get("Content-Type") == "" {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
	}
	w.WriteHeader(ex.Status)
	if _, err := w.Write(ex.Body); err != nil {
		f.t.Error(err)
	}
}

func (f *fakeGitHub) hitCount(key string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.hits[key]
}

func (f *fakeGitHub) checkAuth() {
	f.t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.badAuth) > 0 {
		f.t.Errorf("requests without the token: %v", f.badAuth)
	}
}

// readLive reads the fake server's repository.
func (f *fakeGitHub) readLive(branches ...string) (map[string]any, error) {
	f.t.Helper()
	doc, err := ReadLive(context.Background(), f.options(branches...))
	if err != nil {
		return nil, err
	}
	f.checkAuth()
	return doc.Input, nil
}

// diffJSON renders two documents for a failure message.
func diffJSON(t *testing.T, got, want any) string {
	t.Helper()
	g, _ := json.MarshalIndent(got, "", "  ")
	w, _ := json.MarshalIndent(want, "", "  ")
	gl, wl := strings.Split(string(g), "\n"), strings.Split(string(w), "\n")
	for i := 0; i < len(gl) && i < len(wl); i++ {
		if gl[i] != wl[i] {
			lo := max(i-3, 0)
			return fmt.Sprintf("first difference at line %d:\n got: %s\nwant: %s\ncontext (got):\n%s", i+1, gl[i], wl[i], strings.Join(gl[lo:min(i+4, len(gl))], "\n"))
		}
	}
	return fmt.Sprintf("lengths differ: got %d lines, want %d", len(gl), len(wl))
}

func equalInput(t *testing.T, what string, got, want map[string]any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: documents differ: %s", what, diffJSON(t, got, want))
	}
}

// walk walks a document: walk(doc, "branches", 0, "protection", "required_approvals").
func walk(t *testing.T, v any, keys ...any) any {
	t.Helper()
	for _, k := range keys {
		switch k := k.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				t.Fatalf("path %v: %T is not an object at %q", keys, v, k)
			}
			v = m[k]
		case int:
			l, ok := v.([]any)
			if !ok || k >= len(l) {
				t.Fatalf("path %v: no element %d", keys, k)
			}
			v = l[k]
		}
	}
	return v
}
