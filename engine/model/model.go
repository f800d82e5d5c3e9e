// Package model holds the types every stage of the gate shares: the documents
// readers produce, the descriptions of rules, and the findings writers print.
// It imports nothing of ours, so every package may import it.
package model

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Document kinds. A rule package under gate.rules.<kind> is evaluated against
// every document of that kind.
const (
	KindTerraform = "terraform"
	KindGitHub    = "github"
	KindRepo      = "repo"
)

// Framework keys used in rule METADATA (custom.controls) and everywhere else.
const (
	FrameworkSOC2      = "soc2"
	FrameworkISO27001  = "iso27001_2022"
	FrameworkNISTCSF   = "nist_csf_2"
	FrameworkNIST80053 = "nist_800_53r5"
)

// Frameworks lists the framework keys in their canonical order.
func Frameworks() []string {
	return []string{FrameworkSOC2, FrameworkISO27001, FrameworkNISTCSF, FrameworkNIST80053}
}

// Unknown is the value readers put wherever a value cannot be known before
// apply (plan after_unknown, an HCL reference to another resource, a variable
// without a value) or could not be read. Rules must treat it as "cannot tell".
const Unknown = "<<unknown>>"

// Position is a place in a file. File is slash-separated and relative to the
// scan root when the file is under it.
type Position struct {
	File      string `json:"file"`
	Line      int    `json:"line,omitempty"`
	Column    int    `json:"column,omitempty"`
	EndLine   int    `json:"end_line,omitempty"`
	EndColumn int    `json:"end_column,omitempty"`
}

// String renders file:line:col, leaving out what is unknown.
func (p Position) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		b.WriteString(":" + strconv.Itoa(p.Line))
		if p.Column > 0 {
			b.WriteString(":" + strconv.Itoa(p.Column))
		}
	}
	return b.String()
}

// Positions maps subjects and attribute paths to source positions. Keys are
// a subject ("aws_s3_bucket.logs", ".github/workflows/ci.yml") or a subject
// and an attribute path joined by PathSep ("aws_s3_bucket.logs\x00versioning[0].enabled").
type Positions map[string]Position

// PathSep separates a subject from an attribute path in a Positions key.
const PathSep = "\x00"

// Set records the position of subject (attr == "") or of one of its attributes.
func (p Positions) Set(subject, attr string, pos Position) {
	if attr == "" {
		p[subject] = pos
		return
	}
	p[subject+PathSep+attr] = pos
}

// Locate finds the most precise known position for subject and attribute path:
// the attribute itself, then each enclosing path ("a[0].b" → "a[0]" → "a"),
// then the subject. ok is false when nothing at all is known.
func (p Positions) Locate(subject, attr string) (Position, bool) {
	for attr != "" {
		if pos, ok := p[subject+PathSep+attr]; ok {
			return pos, true
		}
		attr = ParentPath(attr)
	}
	pos, ok := p[subject]
	return pos, ok
}

// ParentPath strips the last element of an attribute path: "a[0].b" → "a[0]",
// "a[0]" → "a", "a" → "".
func ParentPath(attr string) string {
	if strings.HasSuffix(attr, "]") {
		if i := strings.LastIndexByte(attr, '['); i >= 0 {
			return attr[:i]
		}
	}
	if i := strings.LastIndexAny(attr, ".["); i >= 0 {
		return attr[:i]
	}
	return ""
}

// InputFile is one file a reader read, for the evidence record.
type InputFile struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
}

// Suppression is an exception that stops a finding from blocking: an inline
// `# gate:ignore` comment or an entry of the exceptions file.
type Suppression struct {
	Kind          string   `json:"kind"` // "inSource" (inline comment) or "external" (exceptions file)
	RuleID        string   `json:"rule_id"`
	Justification string   `json:"justification"`
	Until         string   `json:"until,omitempty"` // YYYY-MM-DD, inclusive
	Owner         string   `json:"owner,omitempty"`
	Ticket        string   `json:"ticket,omitempty"`
	Location      Position `json:"location"`
	// Subject/pattern the suppression applies to ("" = the block it is attached to).
	Subject string `json:"subject,omitempty"`
}

// Document is what one reader produces from one source: a plan file, a
// Terraform directory, a repository's GitHub settings, a repository's config.
type Document struct {
	Kind   string // KindTerraform, KindGitHub, KindRepo
	Source string // "plan", "hcl", "github", "repo"
	Path   string // the file or directory it was read from, relative to the scan root
	// Input is the value rules see as `input`: JSON-shaped Go values only
	// (map[string]any, []any, string, float64/int/json.Number, bool, nil).
	Input map[string]any
	// Positions locates subjects and attributes named by findings.
	Positions Positions
	// Files lists every file read to build the document.
	Files []InputFile
	// Suppressions found in the source itself (`# gate:ignore` comments).
	Suppressions []Suppression
	// Anchor is where findings go that have no position of their own (GitHub
	// settings): a real repository file such as .github/CODEOWNERS.
	Anchor *Position
	// Notes are facts worth showing in --format json (e.g. remote modules not followed).
	Notes []string
}

// InputError is an input that could not be read. The run goes on with the
// other inputs and ends with exit code 2.
type InputError struct {
	Path   string `json:"path"`
	Line   int    `json:"line,omitempty"`
	Column int    `json:"column,omitempty"`
	Offset int64  `json:"offset,omitempty"` // byte offset, where a JSON decoder has it
	Err    error  `json:"-"`
	// Explicit is true when the user named this input (argument or flag)
	// rather than it being discovered under a directory.
	Explicit bool `json:"explicit"`
}

func (e *InputError) Error() string {
	loc := e.Path
	if e.Line > 0 {
		loc += ":" + strconv.Itoa(e.Line)
		if e.Column > 0 {
			loc += ":" + strconv.Itoa(e.Column)
		}
	} else if e.Offset > 0 {
		loc += fmt.Sprintf(" (byte offset %d)", e.Offset)
	}
	return loc + ": " + e.Err.Error()
}

func (e *InputError) Unwrap() error { return e.Err }

// Severity of a rule.
type Severity string

const (
	SeverityCritical Severity = "critical"
	SeverityHigh     Severity = "high"
	SeverityMedium   Severity = "medium"
	SeverityLow      Severity = "low"
	SeverityInfo     Severity = "info"
)

// Rank orders severities: critical 4 … info 0, unknown strings -1.
func (s Severity) Rank() int {
	switch s {
	case SeverityCritical:
		return 4
	case SeverityHigh:
		return 3
	case SeverityMedium:
		return 2
	case SeverityLow:
		return 1
	case SeverityInfo:
		return 0
	}
	return -1
}

// ParseSeverity accepts critical, high, medium, low, info (any case).
func ParseSeverity(s string) (Severity, error) {
	sev := Severity(strings.ToLower(strings.TrimSpace(s)))
	if sev.Rank() < 0 {
		return "", fmt.Errorf("unknown severity %q (want critical, high, medium, low or info)", s)
	}
	return sev, nil
}

// Verdict of a finding or of a rule over a run.
type Verdict string

const (
	VerdictPass     Verdict = "pass"
	VerdictFail     Verdict = "fail"
	VerdictUnknown  Verdict = "unknown"
	VerdictExcepted Verdict = "excepted"
	VerdictError    Verdict = "error"
)

// Controls maps a framework key to control IDs.
type Controls map[string][]string

// Clone returns a deep copy.
func (c Controls) Clone() Controls {
	out := make(Controls, len(c))
	for k, v := range c {
		out[k] = append([]string(nil), v...)
	}
	return out
}

// Tags renders controls as SARIF-style tags: "soc2:CC6.1", "iso27001:A.8.24",
// "nist-csf:PR.DS-01", "nist-800-53:SC-28", sorted.
func (c Controls) Tags() []string {
	var tags []string
	for fw, ids := range c {
		for _, id := range ids {
			tags = append(tags, TagPrefix(fw)+":"+id)
		}
	}
	sort.Strings(tags)
	return tags
}

// TagPrefix is the short, user-facing name of a framework key.
func TagPrefix(framework string) string {
	switch framework {
	case FrameworkSOC2:
		return "soc2"
	case FrameworkISO27001:
		return "iso27001"
	case FrameworkNISTCSF:
		return "nist-csf"
	case FrameworkNIST80053:
		return "nist-800-53"
	}
	return framework
}

// FrameworkFromFlag maps a user-facing framework name (as given to
// --framework) to its key: soc2, iso27001, nist-csf, nist-800-53 and the keys
// themselves are accepted.
func FrameworkFromFlag(s string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "soc2", "soc-2", "tsc":
		return FrameworkSOC2, nil
	case "iso27001", "iso-27001", "iso", "iso27001_2022", "iso27001-2022":
		return FrameworkISO27001, nil
	case "nist-csf", "csf", "nist_csf", "nist_csf_2", "nist-csf-2", "csf2":
		return FrameworkNISTCSF, nil
	case "nist-800-53", "800-53", "nist_800_53", "nist_800_53r5", "sp800-53", "nist-800-53r5":
		return FrameworkNIST80053, nil
	}
	return "", fmt.Errorf("unknown framework %q (want soc2, iso27001, nist-csf or nist-800-53)", s)
}

// Rule describes one rule of the pack or of a user policy directory.
type Rule struct {
	ID            string   `json:"id"`
	Title         string   `json:"title"`
	Description   string   `json:"description"`
	Severity      Severity `json:"severity"`
	Remediation   string   `json:"remediation"`
	Package       string   `json:"package"` // Rego package path, e.g. gate.rules.terraform.aws.s3_encryption
	Kind          string   `json:"kind"`    // document kind the rule reads ("" = every kind, conftest-style)
	ResourceTypes []string `json:"resource_types,omitempty"`
	Sources       []string `json:"sources,omitempty"`     // for terraform rules: plan, hcl
	SourceNote    string   `json:"source_note,omitempty"` // why a source does not apply
	Controls      Controls `json:"controls"`
	File          string   `json:"file"`
	Builtin       bool     `json:"builtin"`
	// Params are the rule's tunable parameters with their defaults
	// (custom.params in METADATA); overridden from the config file.
	Params map[string]any `json:"params,omitempty"`
}

// Finding is one result of one rule on one subject.
type Finding struct {
	RuleID      string       `json:"rule_id"`
	Title       string       `json:"title"`
	Severity    Severity     `json:"severity"`
	Verdict     Verdict      `json:"verdict"` // fail or unknown (excepted once suppressed)
	Message     string       `json:"message"`
	Subject     string       `json:"subject"`             // resource address, workflow path, owner/repo@branch …
	Attribute   string       `json:"attribute,omitempty"` // attribute path inside the subject
	Document    string       `json:"document"`            // path of the document it came from
	Location    Position     `json:"location"`
	Related     []Position   `json:"related,omitempty"`
	Controls    Controls     `json:"controls"`
	Remediation string       `json:"remediation,omitempty"`
	Fingerprint string       `json:"fingerprint"`
	Blocking    bool         `json:"blocking"`
	Suppression *Suppression `json:"suppression,omitempty"`
	// InBaseline is true when the finding's fingerprint is in the --baseline.
	InBaseline bool `json:"in_baseline,omitempty"`
}

// Key is the sort key that makes every output deterministic.
func (f *Finding) Key() string {
	return strings.Join([]string{
		f.Location.File, fmt.Sprintf("%09d", f.Location.Line), f.RuleID, f.Subject, f.Attribute, f.Message,
	}, "\x00")
}

// SortFindings orders findings by file, line, rule, subject, attribute, message.
func SortFindings(fs []Finding) {
	keys := make([]string, len(fs))
	for i := range fs {
		keys[i] = fs[i].Key()
	}
	idx := make([]int, len(fs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return keys[idx[a]] < keys[idx[b]] })
	sorted := make([]Finding, len(fs))
	for i, j := range idx {
		sorted[i] = fs[j]
	}
	copy(fs, sorted)
}
