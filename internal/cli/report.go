package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/gatehq/gate/engine"
	"github.com/gatehq/gate/engine/catalog"
	"github.com/gatehq/gate/engine/evidence"
	"github.com/gatehq/gate/engine/report"
	"github.com/gatehq/gate/internal/version"
)

func reportCommand(env *Env) *cobra.Command {
	var format, output, since, until string
	var frameworks []string
	cmd := &cobra.Command{
		Use:   "report [flags] SOURCE",
		Short: "Compliance report: per-framework control matrix and gap score from evidence records",
		Long: `Report reads evidence records — one record file (gate check --evidence FILE) or
an evidence log over a period (gate check --evidence-log LOG: a directory, or
a .db SQLite database) — and writes per framework the control matrix (control,
catalog title, rules that evidence it, pass/fail/unknown counts over the runs,
last failure, exceptions in force), the gap score ("SOC 2: 41 of 61 criteria
have automated evidence; 37 passing") and the controls no rule can evidence
("manual"), with their catalog title.

Records that fail verification are listed and left out; the report covers the
others. Exit codes: 0 written; 1 written, but records failed verification;
2 nothing could be read.`,
		Example: `  gate report --format html -o compliance.html --since 2026-01-01 evidence/
  gate report --framework soc2 -f csv evidence.db > soc2.csv
  gate report gate-evidence.json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("format") && output != "" {
				format = formatFromExt(output, format)
			}
			format = strings.ToLower(strings.TrimSpace(format))
			ok := false
			for _, f := range report.ComplianceFormats() {
				ok = ok || f == format
			}
			if !ok {
				return usageError("--format %q: want %s", format, strings.Join(report.ComplianceFormats(), ", "))
			}
			from, err := evidence.ParseTime(since, false)
			if err != nil {
				return usageError("--since: %w", err)
			}
			to, err := evidence.ParseTime(until, true)
			if err != nil {
				return usageError("--until: %w", err)
			}
			if !from.IsZero() && !to.IsZero() && !from.Before(to) {
				return usageError("--since %s is not before --until %s", since, until)
			}
			fws, err := frameworkFlags(frameworks)
			if err != nil {
				return usageError("%w", err)
			}
			cat, err := catalog.New()
			if err != nil {
				return &exitError{code: engine.ExitError, err: err}
			}
			v, err := loadEvidence(cmd.Context(), env, args[0])
			if err != nil {
				return &exitError{code: engine.ExitError, err: err}
			}
			rep := report.BuildCompliance(cat, v, report.ComplianceOptions{
				Source: filepath.ToSlash(args[0]), Since: from, Until: to, Frameworks: fws, Version: version.String(),
			})
			var buf bytes.Buffer
			if err := report.WriteCompliance(&buf, format, rep); err != nil {
				return &exitError{code: engine.ExitError, err: err}
			}
			if output == "" || output == "-" {
				if _, err := env.Stdout.Write(buf.Bytes()); err != nil {
					return &exitError{code: engine.ExitError, err: err}
				}
			} else {
				path := env.abs(output)
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					return &exitError{code: engine.ExitError, err: fmt.Errorf("--output %s: %w", output, err)}
				}
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					return &exitError{code: engine.ExitError, err: fmt.Errorf("--output %s: %w", output, err)}
				}
			}
			for _, p := range v.Problems {
				fmt.Fprintf(env.Stderr, "gate: report: %s: %v (left out)\n", args[0], p)
			}
			for _, s := range rep.Frameworks {
				fmt.Fprintf(env.Stderr, "gate: %s\n", s.Score)
			}
			if !v.OK() {
				return &exitError{code: exitBadEvidence, err: fmt.Errorf("report: %d record(s) of %s failed verification and are not counted", rep.Integrity.Bad, args[0])}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVarP(&format, "format", "f", "markdown", "markdown, html, json or csv (default: from the --output extension, else markdown)")
	f.StringVarP(&output, "output", "o", "", "file to write (default stdout)")
	f.StringVar(&since, "since", "", "first day (YYYY-MM-DD, UTC) or RFC 3339 time of the period")
	f.StringVar(&until, "until", "", "last day (included) or RFC 3339 time (excluded) of the period")
	f.StringSliceVar(&frameworks, "framework", nil, "report on these frameworks only: soc2, iso27001, nist-csf, nist-800-53 (default: those the runs covered)")
	return cmd
}

// formatFromExt picks the report format from an output file's extension.
func formatFromExt(path, def string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".htm":
		return "html"
	case ".json":
		return "json"
	case ".csv":
		return "csv"
	case ".md", ".markdown":
		return "markdown"
	}
	return def
}
