package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/gatehq/gate/engine"
	"github.com/gatehq/gate/engine/catalog"
	"github.com/gatehq/gate/engine/evidence"
	"github.com/gatehq/gate/engine/model"
	"github.com/gatehq/gate/internal/version"
	"github.com/gatehq/gate/rules"
)

// Exit code of `gate evidence verify`, `gate evidence query` and `gate
// report` when records failed verification (the output covers the others).
const exitBadEvidence = 1

// writeEvidence writes the evidence record of a run: appended to the log
// logDir (a directory, or a SQLite database when it ends in .db) when given,
// and to file when given (the same record, with its place in the log).
func writeEvidence(ctx context.Context, env *Env, res *engine.Result, opts engine.Options, file, logDir string) error {
	if file == "" && logDir == "" {
		return nil
	}
	meta, err := evidenceMeta(env, opts)
	if err != nil {
		return fmt.Errorf("evidence: %w", err)
	}
	rec, err := evidence.Build(res, opts, meta)
	if err != nil {
		return err
	}
	c, err := evidence.NewChecker()
	if err != nil {
		return err
	}
	var data []byte
	if logDir != "" {
		st, err := evidence.Create(ctx, env.abs(logDir), c)
		if err != nil {
			return err
		}
		data, err = st.Append(ctx, rec)
		if cerr := st.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("evidence log %s: %w", logDir, cerr)
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stderr, "gate: evidence record #%d (digest %s) appended to %s\n", rec.Sequence, rec.Digest, logDir)
	} else {
		if data, err = rec.Seal(0, ""); err != nil {
			return err
		}
		if _, err := c.Parse(data); err != nil {
			return fmt.Errorf("evidence %s: the record is not valid: %w", file, err)
		}
	}
	if file != "" {
		if err := evidence.WriteFile(env.abs(file), data); err != nil {
			return err
		}
		fmt.Fprintf(env.Stderr, "gate: evidence record written to %s (digest %s)\n", file, rec.Digest)
	}
	return nil
}

// evidenceMeta is what the record says about the tool and where the run
// came from: the GitHub Actions environment when present.
func evidenceMeta(env *Env, opts engine.Options) (evidence.Meta, error) {
	meta := evidence.Meta{Version: version.String()}
	if !opts.NoBuiltin {
		d, err := evidence.RulePackDigest(rules.FS)
		if err != nil {
			return meta, err
		}
		meta.RulePackDigest = d
	}
	g := env.Getenv
	meta.Run = evidence.Run{
		Repository: g("GITHUB_REPOSITORY"), Commit: g("GITHUB_SHA"), Ref: g("GITHUB_REF"), Actor: g("GITHUB_ACTOR"),
		RunID: g("GITHUB_RUN_ID"), RunAttempt: g("GITHUB_RUN_ATTEMPT"), Workflow: g("GITHUB_WORKFLOW"), Event: g("GITHUB_EVENT_NAME"),
	}
	if server, repo, id := g("GITHUB_SERVER_URL"), meta.Run.Repository, meta.Run.RunID; server != "" && repo != "" && id != "" {
		meta.Run.URL = strings.TrimSuffix(server, "/") + "/" + repo + "/actions/runs/" + id
	}
	if p := g("GITHUB_EVENT_PATH"); p != "" {
		n, err := pullRequestNumber(p)
		if err != nil {
			return meta, err
		}
		meta.Run.PullRequest = n
	}
	return meta, nil
}

// pullRequestNumber reads pull_request.number from the Actions event file
// (0 for events without a pull request).
func pullRequestNumber(path string) (int, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, fmt.Errorf("GITHUB_EVENT_PATH: %w", err)
	}
	var ev struct {
		PullRequest *struct {
			Number int `json:"number"`
		} `json:"pull_request"`
	}
	if err := json.Unmarshal(b, &ev); err != nil {
		return 0, fmt.Errorf("GITHUB_EVENT_PATH %s: not a GitHub event (JSON): %w", path, err)
	}
	if ev.PullRequest == nil {
		return 0, nil
	}
	return ev.PullRequest.Number, nil
}

func evidenceCommand(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "evidence",
		Short: "Verify and query evidence logs (gate check --evidence-log)",
		Long: `An evidence log holds one hash-chained record per run of ` + "`gate check --evidence-log LOG`" + `:
a directory (one read-only file per run) or, when LOG ends in .db, a SQLite database.`,
	}
	cmd.AddCommand(evidenceVerifyCommand(env), evidenceQueryCommand(env))
	return cmd
}

func evidenceVerifyCommand(env *Env) *cobra.Command {
	var head string
	cmd := &cobra.Command{
		Use:   "verify LOG|RECORD.json",
		Short: "Check that no record of an evidence log was removed, edited or reordered",
		Long: `Verify checks every record of an evidence log: intact (byte-for-byte canonical
JSON whose content matches its SHA-256 digest, valid against the schema),
numbered one after the other, naming the digest of the record before it, and
of the same repository as the others. Given one record file, it checks that
record alone.

A log cannot show that records were removed from its end: compare the last
digest it prints with the one the last run published, or pass it with --head.

Exit codes: 0 verified; 1 a record failed verification (each is named);
2 the log could not be read.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			v, err := loadEvidence(cmd.Context(), env, args[0])
			if err != nil {
				return &exitError{code: engine.ExitError, err: err}
			}
			if head != "" && (v.Head == nil || v.Head.Digest != head) {
				got := "no intact last record"
				if v.Head != nil {
					got = fmt.Sprintf("record #%d has digest %s", v.Head.Sequence, v.Head.Digest)
				}
				v.Problems = append(v.Problems, evidence.Problem{Record: "head",
					Err: fmt.Errorf("%w: expected the last record to have digest %s, %s: records were removed from the end or the log was replaced", evidence.ErrChain, head, got)})
			}
			for _, p := range v.Problems {
				fmt.Fprintf(env.Stderr, "gate: evidence %s: %v\n", args[0], p)
			}
			if !v.OK() {
				fmt.Fprintf(env.Stdout, "%s: verification FAILED: %d problem(s) in %d entr(ies); %d intact record(s) of %s\n",
					args[0], len(v.Problems), v.Entries, len(v.Records), repoName(v.Repository))
				return &exitError{code: exitBadEvidence}
			}
			fmt.Fprintf(env.Stdout, "%s: %d record(s) verified (hash chain intact), repository %s", args[0], len(v.Records), repoName(v.Repository))
			if v.Head != nil {
				if v.Head.Sequence > 0 {
					fmt.Fprintf(env.Stdout, "; last record #%d, %s, digest %s", v.Head.Sequence, v.Head.Time, v.Head.Digest)
				} else {
					fmt.Fprintf(env.Stdout, "; %s, digest %s", v.Head.Time, v.Head.Digest)
				}
			}
			fmt.Fprintln(env.Stdout)
			return nil
		},
	}
	cmd.Flags().StringVar(&head, "head", "", "digest the last record must have (as published by the last run)")
	return cmd
}

func repoName(r string) string {
	if r == "" {
		return "(none recorded)"
	}
	return r
}

func evidenceQueryCommand(env *Env) *cobra.Command {
	var control, framework, since, until, format string
	cmd := &cobra.Command{
		Use:   "query --control ID LOG",
		Short: "How a control did over a period: runs, blocked runs, failures, exceptions in force",
		Example: `  gate evidence query --control CC8.1 --since 2026-01-01 evidence.db
  gate evidence query --control AC-6 --framework nist-800-53 --until 2026-03-31 -f json evidence/`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if control == "" {
				return usageError("--control is required (e.g. --control CC8.1)")
			}
			from, err := evidence.ParseTime(since, false)
			if err != nil {
				return usageError("--since: %w", err)
			}
			to, err := evidence.ParseTime(until, true)
			if err != nil {
				return usageError("--until: %w", err)
			}
			if format != "text" && format != "json" {
				return usageError("--format %q: want text or json", format)
			}
			cat, err := catalog.New()
			if err != nil {
				return &exitError{code: engine.ExitError, err: err}
			}
			fw, id, err := resolveControl(cat, framework, control)
			if err != nil {
				return usageError("%w", err)
			}
			v, err := loadEvidence(cmd.Context(), env, args[0])
			if err != nil {
				return &exitError{code: engine.ExitError, err: err}
			}
			q := evidence.Query(v, fw, id, cat.Title(fw, id), from, to)
			for _, p := range v.Problems {
				fmt.Fprintf(env.Stderr, "gate: evidence %s: %v (not counted)\n", args[0], p)
			}
			if format == "json" {
				enc := json.NewEncoder(env.Stdout)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				if err := enc.Encode(q); err != nil {
					return &exitError{code: engine.ExitError, err: err}
				}
			} else {
				writeQuery(env.Stdout, q)
			}
			if !v.OK() {
				return &exitError{code: exitBadEvidence}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&control, "control", "", "control ID: CC8.1, A.8.32, PR.PS-01, CM-3")
	f.StringVar(&framework, "framework", "", "framework of the control when its ID is ambiguous: soc2, iso27001, nist-csf, nist-800-53")
	f.StringVar(&since, "since", "", "first day (YYYY-MM-DD, UTC) or RFC 3339 time of the period")
	f.StringVar(&until, "until", "", "last day (included) or RFC 3339 time (excluded) of the period")
	f.StringVarP(&format, "format", "f", "text", "text or json")
	return cmd
}

// resolveControl finds the framework and canonical ID of a control named
// on the command line.
func resolveControl(cat *catalog.Catalog, framework, id string) (string, string, error) {
	fws := model.Frameworks()
	if framework != "" {
		fw, err := model.FrameworkFromFlag(framework)
		if err != nil {
			return "", "", err
		}
		fws = []string{fw}
	}
	var exact, loose [][2]string
	for _, fw := range fws {
		if _, ok := cat.Lookup(fw, id); ok {
			exact = append(exact, [2]string{fw, id})
			continue
		}
		if _, ids, err := cat.Normalize(fw, id); err == nil && len(ids) == 1 {
			loose = append(loose, [2]string{fw, ids[0]})
		}
	}
	found := exact
	if len(found) == 0 {
		found = loose
	}
	switch len(found) {
	case 1:
		return found[0][0], found[0][1], nil
	case 0:
		if framework != "" {
			return "", "", fmt.Errorf("--control %s: not a control of %s", id, catalog.DisplayName(fws[0]))
		}
		return "", "", fmt.Errorf("--control %s: not a control of SOC 2, ISO/IEC 27001:2022, NIST CSF 2.0 or SP 800-53 Rev. 5", id)
	}
	var names []string
	for _, f := range found {
		names = append(names, model.TagPrefix(f[0])+" "+f[1])
	}
	return "", "", fmt.Errorf("--control %s is ambiguous (%s): add --framework", id, strings.Join(names, ", "))
}

func writeQuery(w io.Writer, q *evidence.QueryResult) {
	title := ""
	if q.Title != "" {
		title = " — " + q.Title
	}
	fmt.Fprintf(w, "%s %s%s\n", catalog.DisplayName(q.Framework), q.Control, title)
	period := "all runs"
	if q.Since != "" || q.Until != "" {
		period = strings.TrimSpace(fmt.Sprintf("from %s until %s", orDash(q.Since), orDash(q.Until)))
	}
	fmt.Fprintf(w, "  period:       %s (%d run(s))\n", period, q.Records)
	fmt.Fprintf(w, "  judged in:    %d run(s): %d pass, %d fail, %d unknown, %d excepted\n", q.Runs, q.Pass, q.Fail, q.Unknown, q.Excepted)
	fmt.Fprintf(w, "  blocked:      %d of those run(s); %d by a finding of this control's rules\n", q.Blocked, q.BlockedByControl)
	if q.Status != "" {
		fmt.Fprintf(w, "  last status:  %s (%s)\n", q.Status, q.LastRun)
	}
	if f := q.LastFailure; f != nil {
		fmt.Fprintf(w, "  last failure: %s, run #%d", f.Time, f.Sequence)
		if f.PullRequest > 0 {
			fmt.Fprintf(w, ", PR #%d", f.PullRequest)
		}
		if f.Commit != "" {
			fmt.Fprintf(w, ", commit %s", f.Commit)
		}
		fmt.Fprintf(w, " (%s)\n", strings.Join(f.Rules, ", "))
	}
	fmt.Fprintf(w, "  rules:        %s\n", orDash(strings.Join(q.Judged, ", ")))
	if n := len(q.Rules) - len(q.Judged); n > 0 {
		fmt.Fprintf(w, "                (+%d mapped rule(s) that applied to no run's inputs)\n", n)
	}
	fmt.Fprintf(w, "  exceptions in force: %d\n", len(q.Exceptions))
	for _, e := range q.Exceptions {
		subject := ""
		if e.Subject != "" {
			subject = " on " + e.Subject
		}
		fmt.Fprintf(w, "    - %s%s: %q (%s, owner %s, until %s, %s); suppressed findings in %d run(s), %s to %s\n",
			e.RuleID, subject, e.Justification, e.Location, orDash(e.Owner), orDash(e.Until), orDash(e.Ticket), e.Runs, day10(e.FirstSeen), day10(e.LastSeen))
	}
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func day10(s string) string {
	if len(s) >= 10 {
		return s[:10]
	}
	return s
}

// loadEvidence reads and verifies the evidence log at path (a directory or
// a SQLite file).
func loadEvidence(ctx context.Context, env *Env, path string) (*evidence.Verification, error) {
	c, err := evidence.NewChecker()
	if err != nil {
		return nil, err
	}
	return evidence.Load(ctx, env.abs(path), c)
}
