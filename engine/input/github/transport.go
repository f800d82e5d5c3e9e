package ghsettings

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
)

// recordedHeaders are the response headers a snapshot keeps: what go-github
// needs to page and to recognise rate limits, and what explains a 403. No
// request header is ever recorded, so the token cannot reach a snapshot.
var recordedHeaders = []string{
	"Content-Type",
	"Link",
	"Retry-After",
	"X-Accepted-Github-Permissions",
	"X-Accepted-Oauth-Scopes",
	"X-Github-Sso",
	"X-Ratelimit-Limit",
	"X-Ratelimit-Remaining",
	"X-Ratelimit-Reset",
	"X-Ratelimit-Resource",
	"X-Ratelimit-Used",
}

// maxBodySize bounds a response body kept by the recorder.
const maxBodySize = 32 << 20

// requestKey names an API request independently of the host and of the
// base path (GitHub Enterprise Server serves the API under /api/v3/):
// "GET /repos/o/r/rulesets?includes_parents=true&per_page=100". The query is
// sorted, so a key written by hand matches whatever order a client uses.
func requestKey(basePath string, req *http.Request) string {
	p := req.URL.Path
	if basePath != "" && basePath != "/" {
		p = strings.TrimPrefix(p, strings.TrimSuffix(basePath, "/"))
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	key := req.Method + " " + p
	if q := req.URL.Query(); len(q) > 0 {
		key += "?" + q.Encode()
	}
	return key
}

// normalizeKey canonicalises a key read from a snapshot manifest.
func normalizeKey(key string) (string, error) {
	method, rest, ok := strings.Cut(strings.TrimSpace(key), " ")
	if !ok || method != http.MethodGet {
		return "", fmt.Errorf("request %q: want \"GET /path\"", key)
	}
	rest = strings.TrimSpace(rest)
	if !strings.HasPrefix(rest, "/") {
		return "", fmt.Errorf("request %q: path must start with /", key)
	}
	u, err := url.Parse(rest)
	if err != nil {
		return "", fmt.Errorf("request %q: %w", key, err)
	}
	out := method + " " + u.Path
	if q := u.Query(); len(q) > 0 {
		out += "?" + q.Encode()
	}
	return out, nil
}

// authTransport adds the token to requests for the API host only, so that a
// redirect to another host never carries it.
type authTransport struct {
	base  http.RoundTripper
	host  string
	token string
}

func (t *authTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if t.token == "" || !strings.EqualFold(req.URL.Host, t.host) {
		return t.base.RoundTrip(req)
	}
	r := req.Clone(req.Context())
	r.Header.Set("Authorization", "Bearer "+t.token)
	return t.base.RoundTrip(r)
}

// exchange is one recorded response.
type exchange struct {
	Status int
	Header map[string]string
	Body   []byte
}

// recorder keeps the last response to every request that passes through it,
// for `gate github snapshot`.
type recorder struct {
	base     http.RoundTripper
	basePath string

	mu   sync.Mutex
	seen map[string]exchange
}

func newRecorder(base http.RoundTripper, basePath string) *recorder {
	return &recorder{base: base, basePath: basePath, seen: map[string]exchange{}}
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := r.base.RoundTrip(req)
	if err != nil {
		return resp, err
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBodySize+1))
	closeErr := resp.Body.Close()
	if err != nil {
		return nil, fmt.Errorf("read response body: %w", err)
	}
	if closeErr != nil {
		return nil, fmt.Errorf("close response body: %w", closeErr)
	}
	if len(body) > maxBodySize {
		return nil, fmt.Errorf("response body larger than %d bytes", maxBodySize)
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	hdr := map[string]string{}
	for _, h := range recordedHeaders {
		if v := resp.Header.Get(h); v != "" {
			hdr[h] = v
		}
	}
	r.mu.Lock()
	r.seen[requestKey(r.basePath, req)] = exchange{Status: resp.StatusCode, Header: hdr, Body: body}
	r.mu.Unlock()
	return resp, nil
}

// exchanges returns what was recorded, sorted by request key.
func (r *recorder) exchanges() ([]string, map[string]exchange) {
	r.mu.Lock()
	defer r.mu.Unlock()
	keys := make([]string, 0, len(r.seen))
	out := make(map[string]exchange, len(r.seen))
	for k, v := range r.seen {
		keys = append(keys, k)
		out[k] = v
	}
	sort.Strings(keys)
	return keys, out
}

// errNotRecorded is returned by the replay transport for a request the
// snapshot has no response for.
var errNotRecorded = errors.New("not recorded in the snapshot")

// replayed is one response of a snapshot, with the file it came from.
type replayed struct {
	exchange
	File string
}

// replayer answers requests from a snapshot; it never touches the network.
type replayer struct {
	responses map[string]replayed

	mu   sync.Mutex
	last replayed
}

func (r *replayer) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		if err := req.Body.Close(); err != nil {
			return nil, err
		}
	}
	key := requestKey("/", req)
	ex, ok := r.responses[key]
	if !ok {
		return nil, fmt.Errorf("%s: %w", key, errNotRecorded)
	}
	r.mu.Lock()
	r.last = ex
	r.mu.Unlock()
	h := http.Header{}
	for k, v := range ex.Header {
		h.Set(k, v)
	}
	if h.Get("Content-Type") == "" && len(ex.Body) > 0 {
		h.Set("Content-Type", "application/json; charset=utf-8")
	}
	return &http.Response{
		Status:        fmt.Sprintf("%d %s", ex.Status, http.StatusText(ex.Status)),
		StatusCode:    ex.Status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        h,
		Body:          io.NopCloser(bytes.NewReader(ex.Body)),
		ContentLength: int64(len(ex.Body)),
		Request:       req,
	}, nil
}

// lastServed is the most recent response served.
func (r *replayer) lastServed() replayed {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.last
}
