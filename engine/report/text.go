package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/gatehq/gate/engine"
	"github.com/gatehq/gate/engine/model"
)

// Text writes findings for people: grouped by severity, blocking first,
// each with its resource, location, rule, controls and the fix.
func Text(w io.Writer, res *engine.Result, meta Meta) error {
	bw := bufio.NewWriter(w)
	c := Count(res)
	fmt.Fprintf(bw, "gate %s: %d document(s), %d rule(s), %d finding(s)\n", meta.Version, len(res.Documents), len(res.Rules), len(res.Findings))

	for _, e := range res.InputErrors {
		if e.Explicit {
			fmt.Fprintf(bw, "\nERROR  input %s\n", e.Error())
		}
	}
	for _, e := range res.RuleErrors {
		fmt.Fprintf(bw, "\nERROR  %s\n", e)
	}

	sevs := []model.Severity{model.SeverityCritical, model.SeverityHigh, model.SeverityMedium, model.SeverityLow, model.SeverityInfo}
	groups := []struct {
		title string
		keep  func(f *model.Finding) bool
	}{
		{"", func(f *model.Finding) bool { return f.Verdict == model.VerdictFail || f.Verdict == model.VerdictError }},
		{"UNKNOWN (could not tell)", func(f *model.Finding) bool { return f.Verdict == model.VerdictUnknown }},
		{"EXCEPTED", func(f *model.Finding) bool { return f.Verdict == model.VerdictExcepted }},
	}
	for _, g := range groups {
		if g.title == "" {
			for _, sev := range sevs {
				var fs []*model.Finding
				for i := range res.Findings {
					f := &res.Findings[i]
					if g.keep(f) && f.Severity == sev {
						fs = append(fs, f)
					}
				}
				writeGroup(bw, strings.ToUpper(string(sev)), fs)
			}
			continue
		}
		var fs []*model.Finding
		for i := range res.Findings {
			if g.keep(&res.Findings[i]) {
				fs = append(fs, &res.Findings[i])
			}
		}
		writeGroup(bw, g.title, fs)
	}
	if len(res.Notices) > 0 {
		fmt.Fprintf(bw, "\nNOTICES\n")
		for _, n := range res.Notices {
			fmt.Fprintf(bw, "  - %s\n", n)
		}
	}
	fmt.Fprintf(bw, "\n%d blocking · %d failing · %d unknown · %d excepted · %d in baseline · %d input error(s)\n",
		c.Blocking, c.Failing, c.Unknown, c.Excepted, c.InBaseline, c.InputErrors)
	fmt.Fprintf(bw, "%s\n", ExitReason(res))
	return bw.Flush()
}

func writeGroup(w io.Writer, title string, fs []*model.Finding) {
	if len(fs) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s (%d)\n", title, len(fs))
	for _, f := range fs {
		mark := "  "
		if f.Blocking {
			mark = "✗ "
		}
		tag := ""
		switch {
		case f.Blocking:
			tag = "  [blocking]"
		case f.InBaseline:
			tag = "  [baseline]"
		}
		fmt.Fprintf(w, "%s%s  %s%s\n", mark, f.RuleID, f.Title, tag)
		fmt.Fprintf(w, "    %s  %s\n", f.Subject, f.Location)
		if len(f.Related) > 0 {
			var rel []string
			for _, r := range f.Related {
				rel = append(rel, r.String())
			}
			fmt.Fprintf(w, "    also: %s\n", strings.Join(rel, ", "))
		}
		fmt.Fprintf(w, "    %s\n", f.Message)
		if line := controlsLine(f.Controls); line != "" {
			fmt.Fprintf(w, "    controls: %s\n", line)
		}
		if f.Suppression != nil {
			s := f.Suppression
			fmt.Fprintf(w, "    excepted: %q", s.Justification)
			if s.Until != "" {
				fmt.Fprintf(w, " until %s", s.Until)
			}
			if s.Location.File != "" {
				fmt.Fprintf(w, " (%s)", s.Location)
			}
			fmt.Fprintln(w)
		}
		if fix := firstLine(f.Remediation); fix != "" && f.Verdict != model.VerdictExcepted {
			fmt.Fprintf(w, "    fix: %s\n", fix)
		}
	}
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = strings.TrimSpace(s[:i])
	}
	return strings.TrimSuffix(s, ":")
}
