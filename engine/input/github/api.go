package ghsettings

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/google/go-github/v89/github"
)

// Retry policy for rate limits: at most maxAttempts tries of one request,
// waiting for Retry-After or the rate-limit reset only when that is at most
// maxRetryWait away. Anything longer becomes an UNKNOWN "rate-limited".
const (
	maxAttempts  = 3
	maxRetryWait = 60 * time.Second
	maxPages     = 50
	perPage      = 100
)

// Reasons rules see for pieces that could not be read.
const (
	reasonFreePlan    = "GitHub Free private repository: protection unavailable"
	reasonNotVisible  = "404: branch not protected or not visible"
	reasonNotRecorded = "not recorded in the snapshot"
	reasonSAML        = "token not authorized for the organization's SAML single sign-on"
)

// apiError is an API request that got an answer other than success.
type apiError struct {
	Request  string // "GET /repos/o/r/branches/main/protection"
	Status   int    // HTTP status; 0 when there was no response
	Message  string // GitHub's message
	Accepted string // X-Accepted-GitHub-Permissions, e.g. "administration=read"
	// RateLimit is set when the request was rate-limited after the retries.
	RateLimit   string
	NotRecorded bool
}

func (e *apiError) freePlan() bool {
	return strings.Contains(e.Message, "Upgrade to GitHub Pro") ||
		strings.Contains(e.Message, "make this repository public to enable this feature")
}

// reason says why the piece is unknown. perm is the fine-grained permission
// the endpoint needs ("administration:read"), used when GitHub does not name it.
func (e *apiError) reason(perm string) string {
	switch {
	case e.NotRecorded:
		return reasonNotRecorded
	case e.RateLimit != "":
		return "rate-limited: " + e.RateLimit
	case e.Status == http.StatusForbidden && e.freePlan():
		return reasonFreePlan
	case e.Status == http.StatusForbidden && strings.Contains(e.Message, "SAML"):
		return reasonSAML
	case e.Status == http.StatusForbidden || e.Status == http.StatusUnauthorized:
		if p := acceptedPermissions(e.Accepted); p != "" {
			perm = p
		}
		return "token lacks " + perm
	case e.Status == http.StatusNotFound:
		return "404: not found or not visible to this token"
	case e.Status == http.StatusAccepted:
		return "202: GitHub is still computing this; try again later"
	case e.Status >= 500:
		return fmt.Sprintf("GitHub returned %d", e.Status)
	}
	if e.Message != "" {
		return fmt.Sprintf("%d: %s", e.Status, e.Message)
	}
	return fmt.Sprintf("GitHub returned %d", e.Status)
}

// describe renders the error for a fatal message.
func (e *apiError) describe() string {
	s := e.Request
	if e.Status != 0 {
		s += ": " + strconv.Itoa(e.Status)
	}
	if e.Message != "" {
		s += " " + e.Message
	}
	if e.RateLimit != "" {
		s += " (rate-limited: " + e.RateLimit + ")"
	}
	if e.NotRecorded {
		s += ": " + reasonNotRecorded
	}
	return s
}

// entry is the error as listed under "unreadable" in the document.
func (e *apiError) entry(what, subject, reason string) map[string]any {
	m := map[string]any{
		"what":    what,
		"subject": subject,
		"request": e.Request,
		"reason":  reason,
	}
	if e.Status != 0 {
		m["status"] = e.Status
	}
	if e.Message != "" {
		m["message"] = e.Message
	}
	return m
}

// acceptedPermissions turns "administration=read; contents=read" into
// "administration:read or contents:read".
func acceptedPermissions(h string) string {
	var alts []string
	for alt := range strings.SplitSeq(h, ";") {
		alt = strings.TrimSpace(alt)
		if alt == "" {
			continue
		}
		var parts []string
		for p := range strings.SplitSeq(alt, ",") {
			if p = strings.TrimSpace(p); p != "" {
				parts = append(parts, strings.Replace(p, "=", ":", 1))
			}
		}
		alts = append(alts, strings.Join(parts, " and "))
	}
	return strings.Join(alts, " or ")
}

// fatalError is a request that failed so that the run cannot go on: no
// response at all (network), an answer that is not the JSON it should be,
// a cancelled context.
type fatalError struct {
	Request string
	Err     error
	// Decode is true when the response body could not be decoded.
	Decode bool
}

func (e *fatalError) Error() string {
	if e.Decode {
		return fmt.Sprintf("github: %s: decode response: %v", e.Request, e.Err)
	}
	return fmt.Sprintf("github: %s: %v", e.Request, e.Err)
}

func (e *fatalError) Unwrap() error { return e.Err }

// call runs one API request with the bounded rate-limit retries. It returns
// an apiError when GitHub answered with a failure, and a non-nil error when
// the run must stop.
func call(ctx context.Context, desc string, f func(context.Context) (*github.Response, error)) (*github.Response, *apiError, error) {
	for attempt := 1; ; attempt++ {
		resp, err := f(ctx)
		if err == nil {
			return resp, nil, nil
		}
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, nil, &fatalError{Request: desc, Err: ctxErr}
		}
		ae, wait, retry, fatal := classify(desc, resp, err)
		if fatal != nil {
			return nil, nil, fatal
		}
		if retry && attempt < maxAttempts && wait <= maxRetryWait {
			if err := sleep(ctx, wait); err != nil {
				return nil, nil, &fatalError{Request: desc, Err: err}
			}
			continue
		}
		return resp, ae, nil
	}
}

// classify turns a go-github error into an apiError (with whether and how
// long to wait before a retry) or a fatal error.
func classify(desc string, resp *github.Response, err error) (ae *apiError, wait time.Duration, retry bool, fatal error) {
	var (
		rle   *github.RateLimitError
		abuse *github.AbuseRateLimitError
		er    *github.ErrorResponse
		acc   *github.AcceptedError
	)
	status := 0
	var hdr http.Header
	if resp != nil && resp.Response != nil {
		status = resp.StatusCode
		hdr = resp.Header
	}
	switch {
	case errors.Is(err, errNotRecorded):
		return &apiError{Request: desc, NotRecorded: true}, 0, false, nil
	case errors.As(err, &rle):
		reset := rle.Rate.Reset.Time
		ae = &apiError{Request: desc, Status: status, Message: rle.Message,
			RateLimit: "primary rate limit exhausted (resets at " + reset.UTC().Format(time.RFC3339) + ")"}
		return ae, max(time.Until(reset)+time.Second, 0), true, nil
	case errors.As(err, &abuse):
		ae = &apiError{Request: desc, Status: status, Message: abuse.Message, RateLimit: "secondary rate limit"}
		if abuse.RetryAfter == nil {
			return ae, 0, false, nil
		}
		ae.RateLimit += " (retry after " + abuse.RetryAfter.String() + ")"
		return ae, max(*abuse.RetryAfter, 0), true, nil
	case errors.As(err, &acc):
		return &apiError{Request: desc, Status: http.StatusAccepted}, 0, false, nil
	case errors.Is(err, github.ErrBranchNotProtected):
		return &apiError{Request: desc, Status: http.StatusNotFound, Message: "Branch not protected"}, 0, false, nil
	case errors.As(err, &er):
		if er.Response != nil {
			status = er.Response.StatusCode
			hdr = er.Response.Header
		}
		ae = &apiError{Request: desc, Status: status, Message: er.Message}
		if hdr != nil {
			ae.Accepted = hdr.Get("X-Accepted-GitHub-Permissions")
		}
		if status == http.StatusTooManyRequests || strings.Contains(strings.ToLower(er.Message), "rate limit") {
			ae.RateLimit = "HTTP " + strconv.Itoa(status)
			if d, ok := retryAfter(hdr); ok {
				ae.RateLimit += " (retry after " + d.String() + ")"
				return ae, d, true, nil
			}
		}
		return ae, 0, false, nil
	}
	// go-github returns transport failures as *url.Error and a body it
	// could not decode as the decoder's error.
	var ue *url.Error
	return nil, 0, false, &fatalError{Request: desc, Err: err, Decode: !errors.As(err, &ue)}
}

// retryAfter reads a Retry-After header in seconds.
func retryAfter(h http.Header) (time.Duration, bool) {
	if h == nil {
		return 0, false
	}
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0, false
	}
	return time.Duration(n) * time.Second, true
}

// sleep waits d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
