package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/gatehq/gate/engine"
	"github.com/gatehq/gate/engine/model"
	"github.com/gatehq/gate/engine/report"
	"github.com/gatehq/gate/internal/config"
	"github.com/gatehq/gate/internal/version"
)

type checkFlags struct {
	plans      []string
	formats    []string
	outputs    []string
	failOn     string
	frameworks []string
	policies   []string
	noBuiltin  bool
	unknown    string
	allowEmpty bool
	root       string
	enable     []string
	disable    []string
	exclude    []string
	config     string
	exceptions string
	baseline   string
	newOnly    bool
	base       string
	timeout    time.Duration
	maxSize    int64
	ghRepo     string
	ghSnapshot string
	ghBranches []string
	evidence   string
	evLog      string
}

func checkCommand(env *Env) *cobra.Command {
	var fl checkFlags
	cmd := &cobra.Command{
		Use:   "check [PATH...]",
		Short: "Check Terraform plans and source, GitHub settings and repository configuration",
		Long: `Check discovers its inputs under each PATH (default: the current directory):
plan JSON files (*.tfplan.json, *.plan.json, plan.json, tfplan.json), Terraform
directories (*.tf), and the repository's configuration (.github/workflows,
CODEOWNERS, dependabot.yml, SECURITY.md). A file named on the command line is
read whatever its name.

Exit codes: 0 no blocking finding; 1 blocking findings (--fail-on); 2 the gate
could not run (an input you named is unreadable, a rule failed, no inputs).`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCheck(cmd, env, &fl, args)
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&fl.plans, "plan", nil, "plan JSON file (`terraform show -json plan.out > plan.json`); repeatable")
	f.StringArrayVarP(&fl.formats, "format", "f", nil, "output format: text, json, sarif, markdown; repeatable, paired in order with --output (default text)")
	f.StringArrayVarP(&fl.outputs, "output", "o", nil, "output file for the --format at the same position (default stdout)")
	f.StringVar(&fl.failOn, "fail-on", "high", "lowest severity that blocks: critical, high, medium, low, info")
	f.StringSliceVar(&fl.frameworks, "framework", nil, "limit rules and controls to frameworks: soc2, iso27001, nist-csf, nist-800-53")
	f.StringArrayVar(&fl.policies, "policy", nil, "directory or file of your own Rego policies; repeatable")
	f.BoolVar(&fl.noBuiltin, "no-builtin", false, "evaluate only --policy rules, not the built-in pack")
	f.StringVar(&fl.unknown, "unknown", "warn", "what an UNKNOWN verdict does: warn or fail")
	f.BoolVar(&fl.allowEmpty, "allow-empty", false, "exit 0 when no inputs are found instead of 2")
	f.StringVar(&fl.root, "root", "", "repository root that output paths are relative to (default: the enclosing git repository)")
	f.StringSliceVar(&fl.enable, "enable", nil, "evaluate only these rule ids (PREFIX* allowed)")
	f.StringSliceVar(&fl.disable, "disable", nil, "do not evaluate these rule ids (PREFIX* allowed)")
	f.StringArrayVar(&fl.exclude, "exclude", nil, "path glob not to scan (relative to the root, ** allowed); repeatable")
	f.StringVar(&fl.config, "config", "", "configuration file (default: .gate.yaml at the root, when present)")
	f.StringVar(&fl.exceptions, "exceptions", "", "exceptions file (default: .gate/exceptions.yaml at the root, when present)")
	f.StringVar(&fl.baseline, "baseline", "", "SARIF file of an earlier run: its findings are reported but do not block")
	f.BoolVar(&fl.newOnly, "new-only", false, "block only on findings the base branch does not have (runs the gate on the merge base with git)")
	f.DurationVar(&fl.timeout, "timeout", 10*time.Minute, "stop and exit 2 when the run takes longer (0 = no limit)")
	f.Int64Var(&fl.maxSize, "max-file-size", 0, "largest input file read, in bytes; larger files are input errors (default 256 MiB for plans, 10 MiB for source and configuration)")
	f.StringVar(&fl.ghRepo, "github-repo", "", "check this repository's GitHub settings (owner/name; token from GITHUB_TOKEN or GH_TOKEN; default in Actions: GITHUB_REPOSITORY)")
	f.StringVar(&fl.ghSnapshot, "github-snapshot", "", "check GitHub settings recorded by `gate github snapshot` in this directory")
	f.StringSliceVar(&fl.ghBranches, "github-branch", nil, "branches whose protection to check (default: the default branch)")
	f.StringVar(&fl.evidence, "evidence", "", "write this run's evidence record (JSON) to FILE (default in GitHub Actions: $RUNNER_TEMP/gate-evidence.json)")
	f.StringVar(&fl.evLog, "evidence-log", "", "append the evidence record to this hash-chained log: a directory, or a SQLite database when it ends in .db")
	f.StringVar(&fl.base, "base", "", "base ref for --new-only (default: origin/$GITHUB_BASE_REF, else origin/HEAD)")
	return cmd
}

type output struct {
	format string
	file   string // "" = stdout
}

func parseOutputs(formats, outputs []string) ([]output, error) {
	if len(formats) == 0 {
		formats = []string{"text"}
	}
	if len(outputs) > len(formats) {
		return nil, fmt.Errorf("%d --output for %d --format: give a --format for each --output", len(outputs), len(formats))
	}
	var outs []output
	stdout := 0
	for i, f := range formats {
		f = strings.ToLower(strings.TrimSpace(f))
		ok := false
		for _, k := range report.Formats() {
			ok = ok || k == f
		}
		if !ok {
			return nil, fmt.Errorf("unknown --format %q (want %s)", f, strings.Join(report.Formats(), ", "))
		}
		o := output{format: f}
		if i < len(outputs) && outputs[i] != "-" {
			o.file = outputs[i]
		}
		if o.file == "" {
			stdout++
		}
		outs = append(outs, o)
	}
	if stdout > 1 {
		return nil, fmt.Errorf("%d formats would go to stdout: give each but one an --output file", stdout)
	}
	return outs, nil
}

func runCheck(cmd *cobra.Command, env *Env, fl *checkFlags, args []string) error {
	err := doCheck(cmd, env, fl, args)
	var ee *exitError
	if err != nil && env.inActions() && errors.As(err, &ee) && ee.err != nil {
		// Bad action inputs and unreadable configuration: an error annotation.
		env.actions().WithFieldsMap(map[string]string{"title": "gate"}).Errorf("%v", ee.err)
	}
	return err
}

func doCheck(cmd *cobra.Command, env *Env, fl *checkFlags, args []string) error {
	ctx := cmd.Context()
	changed := cmd.Flags().Changed
	wd, err := env.workDir()
	if err != nil {
		return &exitError{code: engine.ExitError, err: err}
	}
	root := fl.root
	if root == "" {
		root = findRoot(wd)
	} else {
		root = env.abs(root)
	}

	// The config file first; flags given on the command line override it.
	cfgPath := fl.config
	if cfgPath != "" {
		cfgPath = env.abs(cfgPath)
	} else {
		cfgPath = config.Find(root)
	}
	cfg := &config.Config{}
	if cfgPath != "" {
		if cfg, err = config.Load(ctx, cfgPath); err != nil {
			return &exitError{code: engine.ExitError, err: err}
		}
	}
	pick := func(flagName, flagVal, cfgVal string) string {
		if !changed(flagName) && cfgVal != "" {
			return cfgVal
		}
		return flagVal
	}
	pickList := func(flagName string, flagVal, cfgVal []string) []string {
		if !changed(flagName) && len(cfgVal) > 0 {
			return cfgVal
		}
		return flagVal
	}
	failOnStr := pick("fail-on", fl.failOn, cfg.FailOn)
	unknown := pick("unknown", fl.unknown, cfg.Unknown)
	frameworks := pickList("framework", fl.frameworks, cfg.Frameworks)
	enable := pickList("enable", fl.enable, cfg.Rules.Enable)
	disable := pickList("disable", fl.disable, cfg.Rules.Disable)
	exclude := append(append([]string(nil), cfg.Exclude...), fl.exclude...)
	var policies []string
	for _, p := range cfg.Policies {
		policies = append(policies, resolve(cfg.Dir(), p))
	}
	for _, p := range fl.policies {
		policies = append(policies, env.abs(p))
	}

	outs, err := parseOutputs(fl.formats, fl.outputs)
	if err != nil {
		return usageError("%w", err)
	}
	failOn, err := model.ParseSeverity(failOnStr)
	if err != nil {
		return usageError("fail-on: %w", err)
	}
	fws, err := frameworkFlags(frameworks)
	if err != nil {
		return usageError("%w", err)
	}
	switch unknown {
	case "warn", "fail":
	default:
		return usageError("unknown %q: want warn or fail", unknown)
	}
	opts := engine.Options{
		Root:          root,
		FailOn:        failOn,
		Frameworks:    fws,
		UnknownBlocks: unknown == "fail",
		AllowEmpty:    fl.allowEmpty,
		NoBuiltin:     fl.noBuiltin,
		Enable:        enable,
		Disable:       disable,
		Exclude:       exclude,
		Policies:      policies,
		Params:        cfg.Params,
		Now:           env.now(),
		Timeout:       fl.timeout,
		MaxFileSize:   fl.maxSize,
		LookupEnv: func(k string) (string, bool) {
			v := env.Getenv(k)
			return v, v != ""
		},
	}
	if fl.maxSize < 0 || (changed("max-file-size") && fl.maxSize == 0) {
		return usageError("--max-file-size must be positive")
	}
	for _, p := range args {
		opts.Paths = append(opts.Paths, env.abs(p))
	}
	for _, p := range fl.plans {
		opts.Plans = append(opts.Plans, env.abs(p))
	}
	if len(opts.Paths) == 0 && len(opts.Plans) == 0 {
		opts.Paths = []string{wd}
	}

	snapshot := fl.ghSnapshot
	if snapshot != "" {
		snapshot = env.abs(snapshot)
	} else if cfg.GitHub.Snapshot != "" {
		snapshot = resolve(cfg.Dir(), cfg.GitHub.Snapshot)
	}
	src, err := githubOptions(env, pick("github-repo", fl.ghRepo, cfg.GitHub.Repo), snapshot,
		pickList("github-branch", fl.ghBranches, cfg.GitHub.Branches), root)
	if err != nil {
		return usageError("%w", err)
	}
	if src != nil {
		opts.Sources = append(opts.Sources, src)
	}

	// Inputs are read while the rules compile (engine.Start): neither
	// needs the other, and on a large plan each takes a few hundred
	// milliseconds.
	var eng *engine.Engine
	res, err := engine.WithTimeout(ctx, opts.Timeout, func(ctx context.Context) (*engine.Result, error) {
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		var (
			in  *engine.Inputs
			err error
		)
		if eng, in, err = engine.Start(ctx, opts); err != nil {
			return nil, err
		}

		excPath, optional := exceptionsPath(env, cfg, root, fl.exceptions)
		known := func(id string) bool { _, ok := eng.Pack().Rule(id); return ok }
		exc, err := config.LoadExceptions(ctx, excPath, optional, nowOr(opts.Now), cfg.MaxExceptionDays, known)
		if err != nil {
			return nil, err
		}
		for i := range exc {
			exc[i].Location.File = relTo(root, exc[i].Location.File)
		}
		opts.Exceptions = exc

		if fl.baseline != "" {
			if opts.Baseline, err = config.LoadBaseline(ctx, env.abs(fl.baseline)); err != nil {
				return nil, err
			}
		}
		if fl.newOnly {
			base, err := baseFingerprints(ctx, env, eng, opts, fl.base)
			if err != nil {
				return nil, fmt.Errorf("--new-only: %w", err)
			}
			if opts.Baseline == nil {
				opts.Baseline = map[string]bool{}
			}
			for fp := range base {
				opts.Baseline[fp] = true
			}
		}
		return eng.Evaluate(ctx, in, opts)
	})
	if err != nil {
		return &exitError{code: engine.ExitError, err: err}
	}
	meta := report.Meta{Version: version.Version, Titles: eng.Catalog().Title}
	sarifFile := ""
	for _, o := range outs {
		var buf bytes.Buffer
		if err := report.Write(&buf, o.format, res, meta); err != nil {
			return &exitError{code: engine.ExitError, err: err}
		}
		if o.file == "" {
			if o.format == "text" {
				groupedText(env, env.Stdout, buf.Bytes())
			} else if _, err := env.Stdout.Write(buf.Bytes()); err != nil {
				return &exitError{code: engine.ExitError, err: err}
			}
			continue
		}
		path := env.abs(o.file)
		if o.format == "sarif" {
			sarifFile = o.file
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return &exitError{code: engine.ExitError, err: fmt.Errorf("--output %s: %w", o.file, err)}
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			return &exitError{code: engine.ExitError, err: fmt.Errorf("--output %s: %w", o.file, err)}
		}
	}
	evFile := fl.evidence
	if evFile == "" && env.inActions() && env.Getenv("RUNNER_TEMP") != "" {
		evFile = filepath.Join(env.Getenv("RUNNER_TEMP"), "gate-evidence.json")
	}
	// Evidence is written for every run that evaluated, blocked or not: it
	// records what was checked. Failing to write it fails the run.
	if err := writeEvidence(ctx, env, res, opts, evFile, fl.evLog); err != nil {
		return &exitError{code: engine.ExitError, err: fmt.Errorf("evidence: %w", err)}
	}
	if env.inActions() {
		if err := reportToActions(env, res, meta, sarifFile); err != nil {
			return &exitError{code: engine.ExitError, err: err}
		}
		if evFile != "" && env.Getenv("GITHUB_OUTPUT") != "" {
			env.actions().SetOutput("evidence-file", evFile)
		}
	}
	if code := res.ExitCode(); code != 0 {
		return &exitError{code: code}
	}
	return nil
}

// resolve makes p absolute against dir.
func resolve(dir, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(dir, p)
}

// relTo makes p relative to root when it is under it.
func relTo(root, p string) string {
	if r, err := filepath.Rel(root, p); err == nil && !strings.HasPrefix(r, "..") {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(p)
}

func nowOr(t time.Time) time.Time {
	if t.IsZero() {
		return time.Now()
	}
	return t
}
