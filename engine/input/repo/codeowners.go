package repo

import (
	"fmt"
	"regexp"
	"strings"
)

// GitHub ignores a CODEOWNERS file larger than this.
const codeownersMaxSize = 3 << 20

// coRule is one valid line of a CODEOWNERS file.
type coRule struct {
	Pattern string
	Owners  []string
	Line    int
	re      *regexp.Regexp
}

// coError is a CODEOWNERS line GitHub skips, with the reason.
type coError struct {
	Line    int
	Message string
	Text    string
}

// ownerRE accepts @user, @org/team and e-mail addresses. Usernames of
// enterprise managed users carry an underscore.
var (
	ownerRE = regexp.MustCompile(`^@[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?(?:/[A-Za-z0-9][A-Za-z0-9._-]*)?$`)
	emailRE = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)
)

// parseCodeowners reads CODEOWNERS text the way GitHub does: one rule per
// line (pattern then owners), # comments, and every line with invalid syntax
// skipped. It returns the rules in file order and one error per bad line.
func parseCodeowners(text string) ([]coRule, []coError) {
	var rules []coRule
	var errs []coError
	for i, raw := range strings.Split(text, "\n") {
		line := i + 1
		l := strings.TrimRight(raw, "\r")
		trimmed := strings.TrimSpace(l)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		bad := func(format string, args ...any) {
			errs = append(errs, coError{Line: line, Message: fmt.Sprintf(format, args...), Text: trimmed})
		}
		if strings.HasPrefix(trimmed, "[") || strings.HasPrefix(trimmed, "^[") {
			bad("section header %q is GitLab syntax: GitHub does not support CODEOWNERS sections", trimmed)
			continue
		}
		pattern, rest := splitPattern(trimmed)
		var owners []string
		for _, tok := range strings.Fields(rest) {
			if strings.HasPrefix(tok, "#") {
				break
			}
			owners = append(owners, tok)
		}
		if msg := checkPattern(pattern); msg != "" {
			bad("%s", msg)
			continue
		}
		var invalid []string
		for _, o := range owners {
			if !ownerRE.MatchString(o) && !emailRE.MatchString(o) {
				invalid = append(invalid, o)
			}
		}
		if len(invalid) > 0 {
			bad("invalid owner %s: want @user, @org/team or an e-mail address", strings.Join(quoteAll(invalid), ", "))
			continue
		}
		re, err := compilePattern(pattern)
		if err != nil {
			bad("pattern %q: %v", pattern, err)
			continue
		}
		if owners == nil {
			owners = []string{}
		}
		rules = append(rules, coRule{Pattern: pattern, Owners: owners, Line: line, re: re})
	}
	return rules, errs
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

// splitPattern cuts the first token, in which "\ " is an escaped space.
func splitPattern(s string) (string, string) {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case ' ', '\t':
			return s[:i], s[i:]
		}
	}
	return s, ""
}

// checkPattern reports the gitignore syntax GitHub does not accept. Square
// brackets are matched literally (GitHub has no character ranges, and
// paths such as app/[id]/page.tsx are common), so they are not an error.
func checkPattern(p string) string {
	switch {
	case strings.HasPrefix(p, "!"):
		return fmt.Sprintf("pattern %q: negation (!) is not supported in CODEOWNERS", p)
	case strings.HasPrefix(p, `\#`):
		return fmt.Sprintf("pattern %q: escaping a leading # is not supported in CODEOWNERS", p)
	case strings.Contains(p, "***"):
		return fmt.Sprintf("pattern %q: three consecutive asterisks", p)
	}
	return ""
}

// compilePattern turns a CODEOWNERS pattern into a regular expression over
// slash-separated paths relative to the repository root:
//   - a pattern with a slash at the start or in the middle is anchored to the
//     root; any other pattern matches at any depth;
//   - a trailing slash matches only the contents of a directory;
//   - * and ? match within one path segment, ** across segments;
//   - a match also covers everything below it, except when the last segment
//     is a lone * ("docs/*" owns docs/a.md, not docs/sub/b.md).
func compilePattern(p string) (*regexp.Regexp, error) {
	if p == "/" {
		return regexp.Compile(`^$`)
	}
	dirOnly := strings.HasSuffix(p, "/")
	body := strings.TrimSuffix(p, "/")
	anchored := strings.Contains(body, "/")
	body = strings.TrimPrefix(body, "/")
	if body == "" {
		return nil, fmt.Errorf("empty pattern")
	}
	segs := strings.Split(body, "/")
	if !anchored && segs[0] != "**" {
		segs = append([]string{"**"}, segs...)
	}
	var b strings.Builder
	b.WriteString(`^`)
	last := len(segs) - 1
	for i, s := range segs {
		switch {
		case s == "**" && i == last:
			if i == 0 {
				b.WriteString(`.*`)
			} else {
				// "a/**": everything inside a. The slash was written.
				b.WriteString(`.+`)
			}
			b.WriteString(`$`)
			return regexp.Compile(b.String())
		case s == "**":
			b.WriteString(`(?:.*/)?`)
			continue
		case s == "*":
			b.WriteString(`[^/]+`)
		default:
			b.WriteString(segmentRE(s))
		}
		if i != last {
			b.WriteString(`/`)
		}
	}
	switch {
	case dirOnly:
		b.WriteString(`/.+`)
	case segs[last] != "*":
		b.WriteString(`(?:/.*)?`)
	}
	b.WriteString(`$`)
	return regexp.Compile(b.String())
}

func segmentRE(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			if i+1 < len(s) {
				i++
				b.WriteString(regexp.QuoteMeta(s[i : i+1]))
			}
		case '*':
			b.WriteString(`[^/]*`)
		case '?':
			b.WriteString(`[^/]`)
		default:
			b.WriteString(regexp.QuoteMeta(s[i : i+1]))
		}
	}
	return b.String()
}

// lastMatch returns the index of the last rule matching path (the one GitHub
// applies), or -1.
func lastMatch(rules []coRule, path string) int {
	for i := len(rules) - 1; i >= 0; i-- {
		if rules[i].re.MatchString(path) {
			return i
		}
	}
	return -1
}
