package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/gatehq/gate/engine"
	"github.com/gatehq/gate/engine/model"
)

// Markdown writes the summary GitHub shows on the job page
// (GITHUB_STEP_SUMMARY): verdict, blocking findings first, the other
// findings, then per framework the controls that passed and failed.
func Markdown(w io.Writer, res *engine.Result, meta Meta) error {
	bw := bufio.NewWriter(w)
	c := Count(res)
	icon := "✅"
	switch res.ExitCode() {
	case engine.ExitBlocked:
		icon = "❌"
	case engine.ExitError:
		icon = "⚠️"
	}
	fmt.Fprintf(bw, "## %s gate: %s\n\n", icon, mdEscape(ExitReason(res)))
	fmt.Fprintf(bw, "%d document(s) · %d rule(s) · **%d blocking** · %d failing · %d unknown · %d excepted · %d in baseline\n\n",
		len(res.Documents), len(res.Rules), c.Blocking, c.Failing, c.Unknown, c.Excepted, c.InBaseline)

	if len(res.RuleErrors) > 0 || countExplicit(res) > 0 {
		fmt.Fprintf(bw, "### Errors\n\n")
		for _, e := range res.RuleErrors {
			fmt.Fprintf(bw, "- %s\n", mdEscape(e))
		}
		for _, e := range res.InputErrors {
			if e.Explicit {
				fmt.Fprintf(bw, "- %s\n", mdEscape(e.Error()))
			}
		}
		fmt.Fprintln(bw)
	}
	table := func(title string, keep func(f *model.Finding) bool) {
		var rows []*model.Finding
		for i := range res.Findings {
			if keep(&res.Findings[i]) {
				rows = append(rows, &res.Findings[i])
			}
		}
		if len(rows) == 0 {
			return
		}
		fmt.Fprintf(bw, "### %s (%d)\n\n| Severity | Rule | Resource | Location | Controls |\n|---|---|---|---|---|\n", title, len(rows))
		for _, f := range rows {
			fmt.Fprintf(bw, "| %s | `%s` %s | `%s` | %s | %s |\n", f.Severity, f.RuleID, mdEscape(f.Title),
				mdEscape(f.Subject), mdEscape(f.Location.String()), mdEscape(strings.Join(f.Controls.Tags(), " ")))
		}
		fmt.Fprintln(bw)
	}
	table("Blocking", func(f *model.Finding) bool { return f.Blocking })
	table("Not blocking", func(f *model.Finding) bool {
		return !f.Blocking && (f.Verdict == model.VerdictFail || f.Verdict == model.VerdictError)
	})
	table("Unknown (could not tell)", func(f *model.Finding) bool { return !f.Blocking && f.Verdict == model.VerdictUnknown })
	table("Excepted", func(f *model.Finding) bool { return f.Verdict == model.VerdictExcepted })

	controls := res.Controls()
	if len(controls) > 0 {
		fmt.Fprintf(bw, "### Controls\n\n| Framework | Controls checked | Passing | Failing | Unknown | Excepted |\n|---|---|---|---|---|---|\n")
		for _, fw := range model.Frameworks() {
			var n, pass, fail, unk, exc int
			for _, cs := range controls {
				if cs.Framework != fw {
					continue
				}
				n++
				switch {
				case cs.Fail > 0:
					fail++
				case cs.Unknown > 0:
					unk++
				case cs.Excepted > 0:
					exc++
				default:
					pass++
				}
			}
			if n == 0 {
				continue
			}
			fmt.Fprintf(bw, "| %s | %d | %d | %d | %d | %d |\n", frameworkLabel(fw), n, pass, fail, unk, exc)
		}
		fmt.Fprintln(bw)
		for _, fw := range model.Frameworks() {
			var failing []string
			for _, cs := range controls {
				if cs.Framework == fw && cs.Fail > 0 {
					id := cs.ID
					if meta.Titles != nil {
						if t := meta.Titles(fw, id); t != "" {
							id += " " + t
						}
					}
					failing = append(failing, id)
				}
			}
			if len(failing) > 0 {
				fmt.Fprintf(bw, "<details><summary>%s: failing controls (%d)</summary>\n\n", frameworkLabel(fw), len(failing))
				for _, id := range failing {
					fmt.Fprintf(bw, "- %s\n", mdEscape(id))
				}
				fmt.Fprintf(bw, "\n</details>\n\n")
			}
		}
	}
	if len(res.Notices) > 0 {
		fmt.Fprintf(bw, "### Notices\n\n")
		for _, n := range res.Notices {
			fmt.Fprintf(bw, "- %s\n", mdEscape(n))
		}
		fmt.Fprintln(bw)
	}
	return bw.Flush()
}

// mdEscape keeps table cells intact.
func mdEscape(s string) string {
	r := strings.NewReplacer("|", `\|`, "\n", " ", "<", "&lt;", ">", "&gt;")
	return r.Replace(s)
}
