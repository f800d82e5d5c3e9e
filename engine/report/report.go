// Package report writes a run's result: one file per output format (text,
// json, sarif, markdown summary). Every writer is deterministic: the same
// result gives the same bytes.
package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/gatehq/gate/engine"
	"github.com/gatehq/gate/engine/model"
)

// Formats lists the output formats of `gate check`.
var formats = []string{"text", "json", "sarif", "markdown"}

// Formats returns the output format names.
func Formats() []string { return append([]string(nil), formats...) }

// Meta is what writers need besides the result.
type Meta struct {
	Version string
	// Titles returns a control's title (empty when unknown).
	Titles func(framework, id string) string
}

// Write renders res in format to w.
func Write(w io.Writer, format string, res *engine.Result, meta Meta) error {
	switch format {
	case "text":
		return Text(w, res, meta)
	case "json":
		return JSON(w, res, meta)
	case "sarif":
		return SARIF(w, res, meta)
	case "markdown":
		return Markdown(w, res, meta)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(formats, ", "))
}

// frameworkLabel is a short label for text output.
func frameworkLabel(fw string) string {
	switch fw {
	case model.FrameworkSOC2:
		return "SOC 2"
	case model.FrameworkISO27001:
		return "ISO 27001"
	case model.FrameworkNISTCSF:
		return "CSF 2.0"
	case model.FrameworkNIST80053:
		return "800-53"
	}
	return fw
}

// controlsLine renders controls in framework order: "SOC 2 CC6.1, CC6.7 · ISO 27001 A.8.24".
func controlsLine(c model.Controls) string {
	var parts []string
	for _, fw := range orderedFrameworks(c) {
		parts = append(parts, frameworkLabel(fw)+" "+strings.Join(c[fw], ", "))
	}
	return strings.Join(parts, " · ")
}

func orderedFrameworks(c model.Controls) []string {
	var out []string
	seen := map[string]bool{}
	for _, fw := range model.Frameworks() {
		if len(c[fw]) > 0 {
			out = append(out, fw)
			seen[fw] = true
		}
	}
	var rest []string
	for fw, ids := range c {
		if !seen[fw] && len(ids) > 0 {
			rest = append(rest, fw)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}

// Counts summarises findings.
type Counts struct {
	Blocking    int `json:"blocking"`
	Failing     int `json:"failing"`
	Unknown     int `json:"unknown"`
	Excepted    int `json:"excepted"`
	InBaseline  int `json:"in_baseline"`
	InputErrors int `json:"input_errors"`
	RuleErrors  int `json:"rule_errors"`
}

// Count counts a result's findings.
func Count(res *engine.Result) Counts {
	var c Counts
	for _, f := range res.Findings {
		if f.Blocking {
			c.Blocking++
		}
		switch f.Verdict {
		case model.VerdictFail:
			c.Failing++
		case model.VerdictUnknown:
			c.Unknown++
		case model.VerdictExcepted:
			c.Excepted++
		case model.VerdictError:
			c.InputErrors++
		}
		if f.InBaseline {
			c.InBaseline++
		}
	}
	c.InputErrors += countExplicit(res)
	c.RuleErrors = len(res.RuleErrors)
	return c
}

func countExplicit(res *engine.Result) int {
	n := 0
	for _, e := range res.InputErrors {
		if e.Explicit {
			n++
		}
	}
	return n
}

// ExitReason explains the exit code in one sentence.
func ExitReason(res *engine.Result) string {
	switch code := res.ExitCode(); {
	case len(res.RuleErrors) > 0:
		return fmt.Sprintf("exit %d: a rule failed to evaluate; the gate fails closed", code)
	case countExplicit(res) > 0:
		return fmt.Sprintf("exit %d: an input you named could not be read", code)
	case res.NoInputs && !res.AllowEmpty:
		return fmt.Sprintf("exit %d: no inputs found (plan JSON, .tf files or repository configuration); use --allow-empty if that is expected", code)
	case code == engine.ExitBlocked:
		return fmt.Sprintf("exit %d: %d blocking finding(s) at --fail-on %s", code, res.Blocking(), res.FailOn)
	default:
		return fmt.Sprintf("exit %d: no blocking findings at --fail-on %s", code, res.FailOn)
	}
}
