package ghsettings

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gatehq/gate/engine/model"
)

// TestReadLiveMatchesSnapshot drives the real go-github client against a
// server that answers with the recorded responses (status codes, headers,
// bodies): the live document must equal the one read from the snapshot.
func TestReadLiveMatchesSnapshot(t *testing.T) {
	for _, name := range snapshotNames {
		t.Run(name, func(t *testing.T) {
			f := newFakeGitHub(t, name)
			live, err := f.readLive()
			if err != nil {
				t.Fatal(err)
			}
			snap, err := ReadSnapshot(context.Background(), fixture(name), "")
			if err != nil {
				t.Fatal(err)
			}
			if snap.Kind != model.KindGitHub || snap.Source != "github" || snap.Path != "github:"+f.repo {
				t.Errorf("document identity = %q %q %q", snap.Kind, snap.Source, snap.Path)
			}
			equalInput(t, name, live, snap.Input)
			if b, err := json.Marshal(live); err != nil || strings.Contains(string(b), testToken) {
				t.Errorf("document shows the token (or does not encode: %v)", err)
			}
			for key, ex := range f.responses {
				if n := f.hitCount(key); n != 1 {
					t.Errorf("%s (%d) requested %d times, want once", key, ex.Status, n)
				}
			}
		})
	}
}

// TestWriteSnapshotRoundTrip records a snapshot from the fake API and reads
// it back: same document, and the token is nowhere in the directory.
func TestWriteSnapshotRoundTrip(t *testing.T) {
	for _, name := range snapshotNames {
		t.Run(name, func(t *testing.T) {
			f := newFakeGitHub(t, name)
			dir := filepath.Join(t.TempDir(), "snap")
			if err := WriteSnapshot(context.Background(), f.options(), dir); err != nil {
				t.Fatal(err)
			}
			live, err := f.readLive()
			if err != nil {
				t.Fatal(err)
			}
			back, err := ReadSnapshot(context.Background(), dir, f.repo)
			if err != nil {
				t.Fatal(err)
			}
			equalInput(t, name, back.Input, live)
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				b, err := os.ReadFile(filepath.Join(dir, e.Name()))
				if err != nil {
					t.Fatal(err)
				}
				if strings.Contains(string(b), testToken) || strings.Contains(string(b), "Bearer") {
					t.Errorf("%s contains the token", e.Name())
				}
			}
			m, _, files, err := loadSnapshot(dir)
			if err != nil {
				t.Fatal(err)
			}
			if len(m.Responses) != len(f.responses) {
				t.Errorf("recorded %d responses, the API served %d", len(m.Responses), len(f.responses))
			}
			if len(back.Files) != len(files) || back.Files[0].SHA256 == "" {
				t.Errorf("document files = %v", back.Files)
			}
		})
	}
}

func TestWriteSnapshotRefusesNonEmptyDir(t *testing.T) {
	f := newFakeGitHub(t, "classic-only")
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "old.json"), []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteSnapshot(context.Background(), f.options(), dir)
	if err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Fatalf("err = %v, want 'not empty'", err)
	}
}

// TestClassicProtectionReasons: what GET …/protection answers decides
// whether classic protection is known and, if not, why.
func TestClassicProtectionReasons(t *testing.T) {
	const key = "GET /repos/test-org/test-repo/branches/main/protection"
	doc := func(msg string) string {
		return `{"message":"` + msg + `","documentation_url":"https://docs.github.com/rest/branches/branch-protection#get-branch-protection","status":"403"}`
	}
	tests := []struct {
		name   string
		status int
		body   string
		header map[string]string
		known  bool
		value  bool
		reason string
	}{
		{"integration token", 403, doc("Resource not accessible by integration"), map[string]string{"X-Accepted-GitHub-Permissions": "administration=read"}, false, false, "token lacks administration:read"},
		{"pat without header", 403, doc("Resource not accessible by personal access token"), nil, false, false, "token lacks administration:read"},
		{"github free private", 403, doc("Upgrade to GitHub Pro or make this repository public to enable this feature."), nil, false, false, reasonFreePlan},
		{"saml", 403, doc("Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization."), nil, false, false, reasonSAML},
		{"not visible", 404, `{"message":"Not Found","documentation_url":"https://docs.github.com/rest"}`, nil, false, false, reasonNotVisible},
		{"branch not found", 404, `{"message":"Branch not found","documentation_url":"https://docs.github.com/rest"}`, nil, false, false, "404: branch not found"},
		{"server error", 502, `{"message":"Server Error"}`, nil, false, false, "GitHub returned 502"},
		{"admin sees not protected", 404, `{"message":"Branch not protected","documentation_url":"https://docs.github.com/rest"}`, nil, true, false, ""},
		{"protected", 200, `{"required_pull_request_reviews":{"required_approving_review_count":3},"enforce_admins":{"enabled":true},"allow_force_pushes":{"enabled":false},"allow_deletions":{"enabled":false}}`, nil, true, true, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeGitHub(t, "classic-only")
			f.set(key, tc.status, tc.body, tc.header)
			in, err := f.readLive()
			if err != nil {
				t.Fatal(err)
			}
			classic := walk(t, in, "branches", 0, "classic_protection").(map[string]any)
			approvals := walk(t, in, "branches", 0, "protection", "required_approvals").(map[string]any)
			if classic["known"] != tc.known {
				t.Fatalf("classic_protection = %v", classic)
			}
			if tc.known {
				if classic["value"] != tc.value {
					t.Errorf("classic_protection = %v, want %v", classic["value"], tc.value)
				}
				return
			}
			if classic["reason"] != tc.reason || approvals["reason"] != tc.reason {
				t.Errorf("reasons = %q / %q, want %q", classic["reason"], approvals["reason"], tc.reason)
			}
			unread := walk(t, in, "unreadable").([]any)
			found := false
			for _, u := range unread {
				u := u.(map[string]any)
				if u["request"] == key && u["reason"] == tc.reason && u["status"] == tc.status {
					found = true
				}
			}
			if !found {
				t.Errorf("unreadable %v has no entry for %s", unread, key)
			}
		})
	}
}

// TestFreePlanFromOrganization: a 403 on a private repository of an
// organization on the free plan means protection is unavailable, whatever
// the message says.
func TestFreePlanFromOrganization(t *testing.T) {
	f := newFakeGitHub(t, "free-private")
	f.set("GET /repos/test-org/test-repo/branches/main/protection", 403, `{"message":"Resource not accessible by integration"}`, nil)
	in, err := f.readLive()
	if err != nil {
		t.Fatal(err)
	}
	if r := walk(t, in, "branches", 0, "classic_protection", "reason"); r != reasonFreePlan {
		t.Errorf("reason = %v", r)
	}
	if r := walk(t, in, "rulesets", "reason"); r != reasonFreePlan {
		t.Errorf("rulesets reason = %v", r)
	}
}

// TestPagination splits the ruleset list and the rules of the branch over
// two pages (Link headers): the document is the same as from one page.
func TestPagination(t *testing.T) {
	one := newFakeGitHub(t, "rulesets-only")
	want, err := one.readLive()
	if err != nil {
		t.Fatal(err)
	}

	f := newFakeGitHub(t, "rulesets-only")
	split := func(key1, key2, link string) {
		ex := f.responses[key1]
		var all []any
		if err := json.Unmarshal(ex.Body, &all); err != nil {
			t.Fatal(err)
		}
		half := len(all) / 2
		f.set(key1, 200, all[:half], map[string]string{"Link": "<" + f.srv.URL + link + `>; rel="next", <` + f.srv.URL + link + `>; rel="last"`})
		f.set(key2, 200, all[half:], nil)
	}
	split("GET /repos/test-org/test-repo/rulesets?includes_parents=true&per_page=100",
		"GET /repos/test-org/test-repo/rulesets?includes_parents=true&page=2&per_page=100",
		"/api/v3/repositories/787458459/rulesets?includes_parents=true&per_page=100&page=2")
	split("GET /repos/test-org/test-repo/rules/branches/main?per_page=100",
		"GET /repos/test-org/test-repo/rules/branches/main?page=2&per_page=100",
		"/api/v3/repositories/787458459/rules/branches/main?per_page=100&page=2")
	got, err := f.readLive()
	if err != nil {
		t.Fatal(err)
	}
	equalInput(t, "two pages", got, want)
	if n := f.hitCount("GET /repos/test-org/test-repo/rulesets?includes_parents=true&page=2&per_page=100"); n != 1 {
		t.Errorf("page 2 of the rulesets requested %d times", n)
	}
	if n := len(walk(t, got, "rulesets", "value").([]any)); n != 3 {
		t.Errorf("%d rulesets, want 3", n)
	}
}

// TestRateLimits: bounded retries honouring Retry-After and the reset
// header; what stays rate-limited becomes UNKNOWN with the reason.
func TestRateLimits(t *testing.T) {
	const key = "GET /repos/test-org/test-repo/branches/main/protection"
	primary := map[string]string{"X-RateLimit-Limit": "5000", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "1700000000", "X-RateLimit-Resource": "core"}
	secondaryBody := `{"message":"You have exceeded a secondary rate limit.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"}`
	tests := []struct {
		name   string
		serve  func(w http.ResponseWriter, hit int)
		hits   int
		reason string // "" = known after the retry
	}{
		{
			name: "primary stays exhausted",
			serve: func(w http.ResponseWriter, _ int) {
				for k, v := range primary {
					w.Header().Set(k, v)
				}
				w.WriteHeader(403)
				w.Write([]byte(`{"message":"API rate limit exceeded for installation ID 1.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"}`))
			},
			hits:   maxAttempts,
			reason: "rate-limited: primary rate limit exhausted (resets at 2023-11-14T22:13:20Z)",
		},
		{
			name: "secondary then success",
			serve: func(w http.ResponseWriter, hit int) {
				if hit == 1 {
					w.Header().Set("Retry-After", "0")
					w.WriteHeader(403)
					w.Write([]byte(secondaryBody))
					return
				}
				w.Write([]byte(`{"required_pull_request_reviews":{"required_approving_review_count":2},"enforce_admins":{"enabled":true}}`))
			},
			hits: 2,
		},
		{
			name: "secondary without Retry-After is not retried",
			serve: func(w http.ResponseWriter, _ int) {
				w.WriteHeader(403)
				w.Write([]byte(secondaryBody))
			},
			hits:   1,
			reason: "rate-limited: secondary rate limit",
		},
		{
			name: "429 with Retry-After",
			serve: func(w http.ResponseWriter, _ int) {
				w.Header().Set("Retry-After", "0")
				w.WriteHeader(429)
				w.Write([]byte(`{"message":"Too Many Requests"}`))
			},
			hits:   maxAttempts,
			reason: "rate-limited: HTTP 429 (retry after 0s)",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeGitHub(t, "classic-only")
			f.override[key] = func(w http.ResponseWriter, _ *http.Request, hit int) { tc.serve(w, hit) }
			in, err := f.readLive()
			if err != nil {
				t.Fatal(err)
			}
			if n := f.hitCount(key); n != tc.hits {
				t.Errorf("%d requests, want %d", n, tc.hits)
			}
			approvals := walk(t, in, "branches", 0, "protection", "required_approvals").(map[string]any)
			if tc.reason == "" {
				if approvals["known"] != true || approvals["value"] != 2 {
					t.Errorf("required_approvals = %v, want known 2", approvals)
				}
				return
			}
			if approvals["reason"] != tc.reason {
				t.Errorf("reason = %q, want %q", approvals["reason"], tc.reason)
			}
		})
	}
}

// TestFatalErrors: what stops the run gets a clear message without the token.
func TestFatalErrors(t *testing.T) {
	const repoKey = "GET /repos/test-org/test-repo"
	tests := []struct {
		name  string
		setup func(f *fakeGitHub)
		want  string
	}{
		{"repository not visible", func(f *fakeGitHub) { f.set(repoKey, 404, `{"message":"Not Found"}`, nil) }, "not found or not visible to this token"},
		{"bad credentials", func(f *fakeGitHub) { f.set(repoKey, 401, `{"message":"Bad credentials"}`, nil) }, "GitHub rejected the token (401 Bad credentials)"},
		{"malformed body", func(f *fakeGitHub) {
			f.set("GET /repos/test-org/test-repo/branches/main/protection", 200, `{"required_pull_request_reviews": [`, nil)
		}, "decode response"},
		{"network error", func(f *fakeGitHub) {
			f.override[repoKey] = func(w http.ResponseWriter, _ *http.Request, _ int) {
				hj, ok := w.(http.Hijacker)
				if !ok {
					panic("no hijacker")
				}
				c, _, err := hj.Hijack()
				if err == nil {
					c.Close()
				}
			}
		}, "GET /repos/test-org/test-repo"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeGitHub(t, "classic-only")
			tc.setup(f)
			_, err := ReadLive(context.Background(), f.options())
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want it to mention %q", err, tc.want)
			}
			if strings.Contains(err.Error(), testToken) {
				t.Errorf("error shows the token: %v", err)
			}
		})
	}
}

func TestReadLiveCancelled(t *testing.T) {
	f := newFakeGitHub(t, "classic-only")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := ReadLive(ctx, f.options())
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

// TestBranches: several branches, the default one named by "", names with
// a slash, duplicates read once.
func TestBranches(t *testing.T) {
	f := newFakeGitHub(t, "classic-only")
	f.set("GET /repos/test-org/test-repo/branches/release/1.0/protection", 404, `{"message":"Branch not protected"}`, nil)
	f.set("GET /repos/test-org/test-repo/rules/branches/release/1.0?per_page=100", 200, `[{"type":"deletion","ruleset_source_type":"Repository","ruleset_source":"test-org/test-repo","ruleset_id":9}]`, nil)
	f.set("GET /repos/test-org/test-repo/codeowners/errors?ref=release%2F1.0", 404, `{"message":"Not Found"}`, nil)
	in, err := f.readLive("", "refs/heads/release/1.0", "main")
	if err != nil {
		t.Fatal(err)
	}
	branches := walk(t, in, "branches").([]any)
	if len(branches) != 2 {
		t.Fatalf("%d branches, want 2", len(branches))
	}
	rel := branches[1].(map[string]any)
	if rel["name"] != "release/1.0" || rel["default"] != false || rel["resource"] != "test-org/test-repo@release/1.0" {
		t.Errorf("second branch = %v %v %v", rel["name"], rel["default"], rel["resource"])
	}
	del := walk(t, rel, "protection", "deletions_blocked").(map[string]any)
	if del["value"] != true || del["source"] != "repository ruleset 9" {
		t.Errorf("deletions_blocked = %v", del)
	}
	// Ruleset 9 is not in the ruleset list: who may bypass it is unknown.
	if b := walk(t, rel, "bypass").(map[string]any); b["known"] != false {
		t.Errorf("bypass = %v", b)
	}
}

func TestOptionsValidation(t *testing.T) {
	tests := []struct {
		opts Options
		want string
	}{
		{Options{Repo: "nope"}, "want owner/name"},
		{Options{Repo: "a/b/c"}, "want owner/name"},
		{Options{Repo: "-a/b"}, "want owner/name"},
		{Options{Repo: "a/.."}, "want owner/name"},
		{Options{Repo: "a/b", BaseURL: "ftp://example.com"}, "want http(s)://host"},
		{Options{Repo: "a/b", BaseURL: "https://user:" + testToken + "@example.com/api/v3"}, "without credentials"},
		{Options{Repo: "a/b", Branches: []string{"../x"}}, "not valid"},
	}
	for _, tc := range tests {
		_, err := ReadLive(context.Background(), tc.opts)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: err = %v, want %q", tc.opts.Repo, err, tc.want)
			continue
		}
		if strings.Contains(err.Error(), testToken) {
			t.Errorf("error shows the token: %v", err)
		}
	}
}

// TestTokenOnlyToAPIHost: a redirect to another host must not carry it.
func TestTokenOnlyToAPIHost(t *testing.T) {
	var got []string
	rt := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		got = append(got, r.URL.Host+"="+r.Header.Get("Authorization"))
		return &http.Response{StatusCode: 204, Body: http.NoBody, Request: r}, nil
	})
	at := &authTransport{base: rt, host: "api.example.com", token: "secret"}
	for _, u := range []string{"https://api.example.com/x", "https://evil.example.net/x"} {
		req := httptest.NewRequest("GET", u, nil)
		if _, err := at.RoundTrip(req); err != nil {
			t.Fatal(err)
		}
		if req.Header.Get("Authorization") != "" {
			t.Error("the caller's request was modified")
		}
	}
	want := []string{"api.example.com=Bearer secret", "evil.example.net="}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("sent %v, want %v", got, want)
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
