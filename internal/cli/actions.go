package cli

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/sethvargo/go-githubactions"

	"github.com/gatehq/gate/engine"
	"github.com/gatehq/gate/engine/model"
	"github.com/gatehq/gate/engine/report"
)

// maxAnnotations is how many annotations of one level GitHub shows per
// step; the rest are summarised in one notice.
const maxAnnotations = 10

// inActions reports whether the gate runs inside GitHub Actions.
func (env *Env) inActions() bool { return env.Getenv("GITHUB_ACTIONS") == "true" }

// actions returns a go-githubactions client bound to this process's
// environment and stdout.
func (env *Env) actions() *githubactions.Action {
	return githubactions.New(githubactions.WithWriter(env.Stdout), githubactions.WithGetenv(env.Getenv))
}

// annotationFields places an annotation at a finding's file and line.
func annotationFields(f *model.Finding) map[string]string {
	m := map[string]string{"title": f.RuleID + " " + f.Title}
	if f.Location.File != "" && !strings.Contains(f.Location.File, ":") {
		m["file"] = f.Location.File
		if f.Location.Line > 0 {
			m["line"] = strconv.Itoa(f.Location.Line)
			if f.Location.Column > 0 {
				m["col"] = strconv.Itoa(f.Location.Column)
			}
		}
	}
	return m
}

// reportToActions writes annotations, the job summary and the step outputs.
func reportToActions(env *Env, res *engine.Result, meta report.Meta, sarifFile string) error {
	gh := env.actions()
	var errs, warns []*model.Finding
	for i := range res.Findings {
		f := &res.Findings[i]
		switch {
		case f.Blocking:
			errs = append(errs, f)
		case f.Verdict == model.VerdictFail || f.Verdict == model.VerdictUnknown || f.Verdict == model.VerdictError:
			warns = append(warns, f)
		}
	}
	for i, f := range errs {
		if i == maxAnnotations {
			break
		}
		gh.WithFieldsMap(annotationFields(f)).Errorf("%s\n%s", f.Message, annotationControls(f))
	}
	for i, f := range warns {
		if i == maxAnnotations {
			break
		}
		gh.WithFieldsMap(annotationFields(f)).Warningf("%s\n%s", f.Message, annotationControls(f))
	}
	if more := max(0, len(errs)-maxAnnotations) + max(0, len(warns)-maxAnnotations); more > 0 {
		gh.Noticef("gate: %d more finding(s) than GitHub shows as annotations: see the job summary and the code scanning alerts", more)
	}
	for _, e := range res.RuleErrors {
		gh.Errorf("gate: %s", e)
	}
	for _, e := range res.InputErrors {
		if e.Explicit {
			fields := map[string]string{"title": "gate: input could not be read", "file": e.Path}
			if e.Line > 0 {
				fields["line"] = strconv.Itoa(e.Line)
			}
			gh.WithFieldsMap(fields).Errorf("%s", e.Error())
		}
	}

	var md bytes.Buffer
	if err := report.Markdown(&md, res, meta); err != nil {
		return err
	}
	if env.Getenv("GITHUB_STEP_SUMMARY") != "" {
		gh.AddStepSummary(md.String())
	}
	if env.Getenv("GITHUB_OUTPUT") == "" {
		return nil // an old runner or a local act run: nowhere to put outputs
	}
	c := report.Count(res)
	gh.SetOutput("findings", strconv.Itoa(c.Failing+c.Unknown+c.InputErrors))
	gh.SetOutput("blocking", strconv.Itoa(c.Blocking))
	gh.SetOutput("exit-code", strconv.Itoa(res.ExitCode()))
	gh.SetOutput("sarif-file", sarifFile)
	return nil
}

func annotationControls(f *model.Finding) string {
	tags := f.Controls.Tags()
	if len(tags) == 0 {
		return ""
	}
	return "Controls: " + strings.Join(tags, " ")
}

// groupedText writes the text report inside a collapsible log group.
func groupedText(env *Env, w io.Writer, text []byte) {
	if !env.inActions() {
		_, _ = w.Write(text)
		return
	}
	fmt.Fprintln(w, "::group::gate findings")
	_, _ = w.Write(text)
	fmt.Fprintln(w, "::endgroup::")
}
