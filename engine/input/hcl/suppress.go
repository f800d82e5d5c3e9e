package hcl

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/gatehq/gate/engine/model"
)

// ignoreMarker starts an inline suppression comment:
//
//	# gate:ignore GATE-AWS-S3-001,GATE-AWS-S3-002 reason="text" until=2027-01-31
//
// (also with // or /* */). The comment applies to the resource, data or
// module block on the next line (a run of comment lines may sit between),
// or to the block it is written in.
const ignoreMarker = "gate:ignore"

var (
	ruleIDPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.:/-]*$`)
	datePattern   = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)
)

// ignoreComment is one parsed gate:ignore comment.
type ignoreComment struct {
	pos    model.Position
	target int // the source line the comment is attached to
	ids    []string
	reason string
	until  string
	owner  string
	ticket string
}

func ignoreError(pos model.Position, err error) *model.InputError {
	return &model.InputError{Path: pos.File, Line: pos.Line, Column: pos.Column, Err: err}
}

// scanIgnores finds gate:ignore comments in a token stream. A malformed
// comment (no rule ID, an unknown field, a bad date) is an input error.
func scanIgnores(toks hclsyntax.Tokens) ([]ignoreComment, []*model.InputError) {
	code := map[int]bool{}
	commentLine := map[int]bool{}
	var comments []hclsyntax.Token
	for _, t := range toks {
		switch t.Type {
		case hclsyntax.TokenComment:
			commentLine[t.Range.Start.Line] = true
			if commentIsIgnore(string(t.Bytes)) {
				comments = append(comments, t)
			}
		case hclsyntax.TokenNewline, hclsyntax.TokenEOF:
		default:
			for l := t.Range.Start.Line; l <= t.Range.End.Line; l++ {
				code[l] = true
			}
		}
	}
	var out []ignoreComment
	var errs []*model.InputError
	for _, t := range comments {
		pos := model.Position{File: t.Range.Filename, Line: t.Range.Start.Line, Column: t.Range.Start.Column}
		c, err := parseIgnore(commentText(string(t.Bytes)))
		if err != nil {
			errs = append(errs, ignoreError(pos, err))
			continue
		}
		c.pos = pos
		if code[t.Range.Start.Line] {
			c.target = t.Range.Start.Line
		} else {
			end := t.Range.End.Line
			if strings.HasSuffix(string(t.Bytes), "\n") && t.Range.End.Column == 1 && end > t.Range.Start.Line {
				end--
			}
			l := end + 1
			for commentLine[l] && !code[l] {
				l++
			}
			c.target = l
		}
		out = append(out, c)
	}
	return out, errs
}

// commentText strips the comment markers.
func commentText(s string) string {
	switch {
	case strings.HasPrefix(s, "#"):
		s = s[1:]
	case strings.HasPrefix(s, "//"):
		s = s[2:]
	case strings.HasPrefix(s, "/*"):
		s = strings.TrimSuffix(s[2:], "*/")
	}
	return strings.TrimSpace(s)
}

// commentIsIgnore reports whether a comment is a gate:ignore comment: the
// marker must open the comment's text.
func commentIsIgnore(s string) bool {
	t := commentText(s)
	if !strings.HasPrefix(t, ignoreMarker) {
		return false
	}
	rest := t[len(ignoreMarker):]
	return rest == "" || isSpace(rest[0])
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func isKeyChar(c byte) bool { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }

// parseIgnore parses the text of a gate:ignore comment (markers stripped).
func parseIgnore(text string) (ignoreComment, error) {
	var c ignoreComment
	s := strings.TrimPrefix(text, ignoreMarker)
	seen := map[string]bool{}
	i := 0
	for {
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if i >= len(s) {
			break
		}
		// key=value (spaces around "=" allowed)
		j := i
		for j < len(s) && isKeyChar(s[j]) {
			j++
		}
		k := j
		for k < len(s) && (s[k] == ' ' || s[k] == '\t') {
			k++
		}
		if j > i && k < len(s) && s[k] == '=' {
			key := s[i:j]
			i = k + 1
			for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
				i++
			}
			var val string
			if i < len(s) && s[i] == '"' {
				v, n, err := unquoteField(s[i:])
				if err != nil {
					return c, fmt.Errorf("gate:ignore %s: %w", key, err)
				}
				val, i = v, i+n
			} else {
				e := i
				for e < len(s) && !isSpace(s[e]) {
					e++
				}
				val, i = s[i:e], e
			}
			if seen[key] {
				return c, fmt.Errorf("gate:ignore gives %s twice", key)
			}
			seen[key] = true
			switch key {
			case "reason":
				c.reason = strings.TrimSpace(val)
			case "until":
				if !datePattern.MatchString(val) {
					return c, fmt.Errorf("gate:ignore until=%q is not a date in the form YYYY-MM-DD", val)
				}
				if _, err := time.Parse("2006-01-02", val); err != nil {
					return c, fmt.Errorf("gate:ignore until=%q is not a valid date", val)
				}
				c.until = val
			case "owner":
				c.owner = val
			case "ticket":
				c.ticket = val
			default:
				return c, fmt.Errorf("gate:ignore has an unknown field %q (want reason, until, owner or ticket)", key)
			}
			continue
		}
		e := i
		for e < len(s) && !isSpace(s[e]) {
			e++
		}
		tok := s[i:e]
		i = e
		if len(seen) > 0 {
			return c, fmt.Errorf("gate:ignore: %q after the fields; rule IDs come first", tok)
		}
		for _, id := range strings.Split(tok, ",") {
			if id == "" {
				continue
			}
			if !ruleIDPattern.MatchString(id) {
				return c, fmt.Errorf("gate:ignore: %q is not a rule ID", id)
			}
			c.ids = append(c.ids, id)
		}
	}
	if len(c.ids) == 0 {
		return c, errors.New("gate:ignore names no rule ID")
	}
	return c, nil
}

// unquoteField reads a double-quoted value (\" and \\ escapes) and returns
// it with the number of bytes consumed.
func unquoteField(s string) (string, int, error) {
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			if i+1 < len(s) && (s[i+1] == '"' || s[i+1] == '\\') {
				b.WriteByte(s[i+1])
				i++
				continue
			}
			b.WriteByte('\\')
		case '"':
			return b.String(), i + 1, nil
		default:
			b.WriteByte(s[i])
		}
	}
	return "", 0, errors.New("unterminated quoted value")
}

// emitSuppressions turns the module's attached comments into suppressions
// for this module instance's config addresses.
func (mi *moduleInst) emitSuppressions() {
	for _, a := range mi.cfg.ignores {
		subject := joinAddr(mi.cfgPath, a.localAddr)
		for _, id := range a.c.ids {
			s := model.Suppression{
				Kind:          "inSource",
				RuleID:        id,
				Justification: a.c.reason,
				Until:         a.c.until,
				Owner:         a.c.owner,
				Ticket:        a.c.ticket,
				Location:      a.c.pos,
				Subject:       subject,
			}
			key := fmt.Sprintf("%s\x00%d\x00%d\x00%s\x00%s", s.Location.File, s.Location.Line, s.Location.Column, id, subject)
			mi.r.suppressions[key] = s
		}
	}
}
