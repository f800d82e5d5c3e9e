package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/gatehq/gate/engine"
	"github.com/gatehq/gate/engine/model"
)

// Flags of a fuzzed result (the flags argument of FuzzSARIF).
const (
	fuzzUnknown     = 1 << iota // the finding's verdict is unknown
	fuzzBlocking                // the finding blocks
	fuzzSuppressed              // the finding is excepted
	fuzzInSource                // … by an in-source suppression
	fuzzBaseline                // the finding is in the baseline
	fuzzRuleMissing             // the finding's rule is not in the evaluated set
	fuzzInputError              // the run has an input error at the finding's place
	fuzzRuleError               // the run has a rule error (the notice text)
)

var fuzzSeverities = []model.Severity{model.SeverityCritical, model.SeverityHigh, model.SeverityMedium, model.SeverityLow, model.SeverityInfo}

// fuzzResult builds a result from fuzzed strings and numbers: one rule, two
// findings of it (one at file, one at related), errors and notices.
func fuzzResult(ruleID, title, msg, subject, attr, file string, line, col, endLine, endCol int, related string, sev, flags uint8, notice string) *engine.Result {
	ctl := model.Controls{model.FrameworkSOC2: {"CC6.1"}, model.FrameworkNIST80053: {title}}
	rule := &model.Rule{ID: ruleID, Title: title, Description: title, Severity: fuzzSeverities[int(sev)%len(fuzzSeverities)],
		Remediation: msg, Controls: ctl, Kind: model.KindTerraform}
	f := model.Finding{RuleID: ruleID, Title: title, Severity: rule.Severity, Verdict: model.VerdictFail,
		Message: msg, Subject: subject, Attribute: attr, Document: file, Remediation: msg, Controls: ctl,
		Location: model.Position{File: file, Line: line, Column: col, EndLine: endLine, EndColumn: endCol},
		Related:  []model.Position{{File: related, Line: endLine, Column: endCol}},
		Blocking: flags&fuzzBlocking != 0, InBaseline: flags&fuzzBaseline != 0, Fingerprint: subject + attr}
	if flags&fuzzUnknown != 0 {
		f.Verdict = model.VerdictUnknown
	}
	if flags&fuzzSuppressed != 0 {
		kind := "external"
		if flags&fuzzInSource != 0 {
			kind = "inSource"
		}
		f.Verdict = model.VerdictExcepted
		f.Suppression = &model.Suppression{Kind: kind, RuleID: ruleID, Subject: subject, Justification: notice,
			Location: model.Position{File: related, Line: line}}
	}
	g := f
	g.Subject, g.Message, g.Suppression, g.Related = attr, title, nil, nil
	g.Location = model.Position{File: related, Line: endLine, Column: col}
	res := &engine.Result{
		Rules:    []*model.Rule{rule},
		Findings: []model.Finding{f, g},
		Notices:  []string{notice},
		Verdicts: map[string]model.Verdict{ruleID: f.Verdict},
		FailOn:   model.SeverityHigh,
	}
	if flags&fuzzRuleMissing != 0 {
		res.Rules = nil
	}
	if flags&fuzzInputError != 0 {
		res.InputErrors = []*model.InputError{{Path: file, Line: line, Column: col, Err: errors.New(msg), Explicit: true}}
	}
	if flags&fuzzRuleError != 0 {
		res.RuleErrors = []string{notice}
	}
	return res
}

func fuzzSchema(tb testing.TB) *jsonschema.Schema {
	tb.Helper()
	f, err := os.Open("../../fixtures/sarif/sarif-schema-2.1.0.json")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		tb.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	const id = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	if err := c.AddResource(id, doc); err != nil {
		tb.Fatal(err)
	}
	s, err := c.Compile(id)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// sarifDoc is the part of a SARIF log the fuzz target checks.
type sarifDoc struct {
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Rules []struct {
					ID string `json:"id"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex int    `json:"ruleIndex"`
			Message   struct {
				Text string `json:"text"`
			} `json:"message"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI string `json:"uri"`
					} `json:"artifactLocation"`
					Region *struct {
						StartLine int `json:"startLine"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
		} `json:"results"`
	} `json:"runs"`
}

// jsonText is s as encoding/json writes it: every byte of invalid UTF-8
// becomes U+FFFD.
func jsonText(s string) string {
	var b strings.Builder
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		if r == utf8.RuneError && n == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[:n])
		}
		s = s[n:]
	}
	return b.String()
}

// checkURI: u is a relative reference to path p: no scheme, no authority,
// and its path is p (with "./" before a first segment holding a colon, and
// leading slashes collapsed to one).
func checkURI(t *testing.T, u, p string) {
	t.Helper()
	parsed, err := url.Parse(u)
	if err != nil {
		t.Fatalf("uri %q of path %q does not parse: %v", u, p, err)
	}
	if parsed.Scheme != "" || parsed.Host != "" || parsed.User != nil || parsed.Opaque != "" || parsed.RawQuery != "" || parsed.Fragment != "" {
		t.Fatalf("uri %q of path %q is not a relative path reference: %#v", u, p, parsed)
	}
	want := p
	if strings.HasPrefix(want, "//") {
		want = "/" + strings.TrimLeft(want, "/")
	}
	if parsed.Path != want && parsed.Path != "./"+want {
		t.Fatalf("uri %q names path %q, want %q", u, parsed.Path, p)
	}
}

func FuzzSARIF(f *testing.F) {
	f.Add("GATE-AWS-S3-002", "S3 bucket has default encryption", "S3 bucket aws_s3_bucket.logs has no default encryption",
		"aws_s3_bucket.logs", "server_side_encryption_configuration", "infra/main.tf", 12, 1, 14, 2, "plan.json", uint8(1), uint8(fuzzBlocking), "expired")
	f.Add("GATE-GH-001", "Default branch is protected", "token lacks administration:read", "acme/app@main", "",
		".github/CODEOWNERS", 0, 0, 0, 0, "", uint8(2), uint8(fuzzUnknown|fuzzBaseline|fuzzRuleError), "rule x failed")
	f.Add("x", "", "", `module.a["k.y"].aws_s3_bucket.b[0]`, `tags["a b"]`, "c:/dir with space/ü%20#frag?.tf", -3, -1, -7, 0,
		"//host/share/x.tf", uint8(3), uint8(fuzzSuppressed|fuzzInSource|fuzzRuleMissing|fuzzInputError), "")
	f.Add("GATE.a_b-c", "t\x00\xff\xfe", "line1\nline2\t\"quoted\" <html> \u2028", "\xc3\x28", "a..b", "a:b/c.tf", 1<<30, 5, 3, 9,
		"./../x.json", uint8(4), uint8(0xff), "\x1b[31mred")
	// Paths from the repository's own fixtures.
	n := 0
	err := filepath.WalkDir("../../fixtures", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || n >= 40 {
			return nil
		}
		n++
		rel := strings.TrimPrefix(filepath.ToSlash(p), "../../")
		f.Add("GATE-FIX-001", d.Name(), "finding in "+rel, rel, "", rel, n, n%3, n+2, 0, rel, uint8(n), uint8(n), rel)
		return nil
	})
	if err != nil {
		f.Fatal(err)
	}
	schema := fuzzSchema(f)
	f.Fuzz(func(t *testing.T, ruleID, title, msg, subject, attr, file string, line, col, endLine, endCol int, related string, sev, flags uint8, notice string) {
		res := fuzzResult(ruleID, title, msg, subject, attr, file, line, col, endLine, endCol, related, sev, flags, notice)
		var a, b bytes.Buffer
		if err := SARIF(&a, res, Meta{Version: "1.2.3"}); err != nil {
			t.Fatalf("SARIF: %v", err)
		}
		if err := SARIF(&b, res, Meta{Version: "1.2.3"}); err != nil {
			t.Fatalf("SARIF (second write): %v", err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Fatal("two writes of the same result differ")
		}
		if !json.Valid(a.Bytes()) {
			t.Fatalf("SARIF is not valid JSON:\n%s", a.Bytes())
		}
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(a.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(v); err != nil {
			t.Fatalf("SARIF does not validate against the 2.1.0 schema: %v\n%s", err, a.Bytes())
		}
		var doc sarifDoc
		if err := json.Unmarshal(a.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Version != "2.1.0" || len(doc.Runs) != 1 {
			t.Fatalf("version %q, %d runs", doc.Version, len(doc.Runs))
		}
		run := doc.Runs[0]
		if len(run.Results) != len(res.Findings) {
			t.Fatalf("%d results for %d findings", len(run.Results), len(res.Findings))
		}
		for i, r := range run.Results {
			fd := res.Findings[i]
			if r.RuleID != jsonText(fd.RuleID) {
				t.Fatalf("result %d: ruleId %q, want %q", i, r.RuleID, fd.RuleID)
			}
			if r.RuleIndex < 0 || r.RuleIndex >= len(run.Tool.Driver.Rules) || run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
				t.Fatalf("result %d: ruleIndex %d does not point at rule %q", i, r.RuleIndex, r.RuleID)
			}
			if r.Message.Text != jsonText(fd.Message) {
				t.Fatalf("result %d: message %q, want %q", i, r.Message.Text, fd.Message)
			}
			if len(r.Locations) != 1 {
				t.Fatalf("result %d: %d locations", i, len(r.Locations))
			}
			pl := r.Locations[0].PhysicalLocation
			checkURI(t, pl.ArtifactLocation.URI, fd.Location.File)
			if fd.Location.Line > 0 && (pl.Region == nil || pl.Region.StartLine != fd.Location.Line) {
				t.Fatalf("result %d: region %+v, want start line %d", i, pl.Region, fd.Location.Line)
			}
			if fd.Location.Line <= 0 && pl.Region != nil {
				t.Fatalf("result %d: region %+v for line %d", i, pl.Region, fd.Location.Line)
			}
		}
	})
}
