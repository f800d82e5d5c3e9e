// Package ghsettings reads a repository's GitHub settings — repository
// facts, classic branch protection, repository/organisation/enterprise
// rulesets, the organisation's 2FA requirement, security and analysis
// features — through go-github, and merges them into one effective
// protection per branch with the provenance of every value. Whatever could
// not be read is an explicit unknown with the reason, never a silent false.
//
// The same reading runs against the live API (ReadLive), records every
// response into a snapshot directory (WriteSnapshot), or replays such a
// directory without network (ReadSnapshot): the documents are identical.
//
// The token is only ever put in the Authorization header of requests to the
// API host; it is never logged, recorded or part of an error.
package ghsettings

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/google/go-github/v89/github"

	"github.com/gatehq/gate/engine/model"
)

// DefaultBaseURL is the public GitHub API.
const DefaultBaseURL = "https://api.github.com/"

// defaultTimeout bounds one request when the caller gives no HTTP client.
const defaultTimeout = 60 * time.Second

// Options select the repository and how to reach it.
type Options struct {
	// Repo is owner/name.
	Repo string
	// Token is a GitHub token (GITHUB_TOKEN, GH_TOKEN); "" reads anonymously.
	Token string
	// BaseURL is the API root (GITHUB_API_URL); "" is https://api.github.com.
	// GitHub Enterprise Server: https://HOST/api/v3.
	BaseURL string
	// Branches to read; "" is the default branch. None means the default branch.
	Branches []string
	// HTTPClient is copied and used for every request (proxy, TLS, timeout);
	// nil uses http.DefaultTransport with a 60 s timeout per request.
	HTTPClient *http.Client
}

var (
	ownerRe = regexp.MustCompile(`^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$`)
	nameRe  = regexp.MustCompile(`^[A-Za-z0-9._-]{1,100}$`)
)

// splitRepo validates owner/name.
func splitRepo(repo string) (owner, name string, err error) {
	owner, name, ok := strings.Cut(strings.TrimSpace(repo), "/")
	if !ok || !ownerRe.MatchString(owner) || !nameRe.MatchString(name) || name == "." || name == ".." {
		return "", "", fmt.Errorf("github repository %q: want owner/name", repo)
	}
	return owner, name, nil
}

// normalizeBranches keeps the order, maps none to the default branch ("").
func normalizeBranches(in []string) ([]string, error) {
	if len(in) == 0 {
		return []string{""}, nil
	}
	out := make([]string, 0, len(in))
	for _, b := range in {
		b = strings.TrimSpace(b)
		b = strings.TrimPrefix(b, "refs/heads/")
		if strings.ContainsAny(b, "\x00\r\n") || strings.Contains(b, "..") {
			return nil, fmt.Errorf("branch name %q is not valid", b)
		}
		out = append(out, b)
	}
	return out, nil
}

// newSession builds the go-github client. wrap, when set, wraps the
// transport below the authentication (it sees responses, never the token).
func newSession(opts Options, wrap func(rt http.RoundTripper, basePath string) http.RoundTripper) (*session, error) {
	owner, name, err := splitRepo(opts.Repo)
	if err != nil {
		return nil, err
	}
	branches, err := normalizeBranches(opts.Branches)
	if err != nil {
		return nil, err
	}
	base := strings.TrimSpace(opts.BaseURL)
	if base == "" {
		base = DefaultBaseURL
	}
	u, err := url.Parse(base)
	if err != nil {
		return nil, fmt.Errorf("github API URL: %w", err)
	}
	if (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.User != nil || u.RawQuery != "" {
		return nil, fmt.Errorf("github API URL %q: want http(s)://host[/path] without credentials or query", u.Redacted())
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	hc := &http.Client{Timeout: defaultTimeout}
	if opts.HTTPClient != nil {
		c := *opts.HTTPClient
		hc = &c
	}
	rt := hc.Transport
	if rt == nil {
		rt = http.DefaultTransport
	}
	if wrap != nil {
		rt = wrap(rt, u.Path)
	}
	hc.Transport = &authTransport{base: rt, host: u.Host, token: opts.Token}
	baseURL := u.String()
	gh, err := github.NewClient(
		github.WithHTTPClient(hc),
		github.WithURLs(&baseURL, &baseURL),
		github.WithDisableRateLimitCheck(),
		github.WithUserAgent("gate"),
	)
	if err != nil {
		return nil, fmt.Errorf("github client: %w", err)
	}
	return &session{gh: gh, owner: owner, name: name, branches: branches}, nil
}

// ReadLive reads the repository's settings from the GitHub API.
func ReadLive(ctx context.Context, opts Options) (*model.Document, error) {
	s, err := newSession(opts, nil)
	if err != nil {
		return nil, err
	}
	f, err := s.fetch(ctx)
	if err != nil {
		return nil, err
	}
	doc := document(f)
	doc.Notes = append(doc.Notes, "GitHub settings read from the API")
	return doc, nil
}
