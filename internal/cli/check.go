package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/gatehq/gate/engine"
	"github.com/gatehq/gate/engine/model"
	"github.com/gatehq/gate/engine/report"
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
	ctx := cmd.Context()
	outs, err := parseOutputs(fl.formats, fl.outputs)
	if err != nil {
		return usageError("%w", err)
	}
	failOn, err := model.ParseSeverity(fl.failOn)
	if err != nil {
		return usageError("--fail-on: %w", err)
	}
	var fws []string
	for _, s := range fl.frameworks {
		fw, err := model.FrameworkFromFlag(s)
		if err != nil {
			return usageError("--framework: %w", err)
		}
		fws = append(fws, fw)
	}
	switch fl.unknown {
	case "warn", "fail":
	default:
		return usageError("--unknown %q: want warn or fail", fl.unknown)
	}
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
	opts := engine.Options{
		Root:          root,
		FailOn:        failOn,
		Frameworks:    fws,
		UnknownBlocks: fl.unknown == "fail",
		AllowEmpty:    fl.allowEmpty,
		NoBuiltin:     fl.noBuiltin,
		Enable:        fl.enable,
		Disable:       fl.disable,
		Exclude:       fl.exclude,
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
	for _, p := range fl.policies {
		opts.Policies = append(opts.Policies, env.abs(p))
	}

	eng, err := engine.New(ctx, opts)
	if err != nil {
		return &exitError{code: engine.ExitError, err: err}
	}
	res, err := eng.Run(ctx, opts)
	if err != nil {
		return &exitError{code: engine.ExitError, err: err}
	}
	meta := report.Meta{Version: version.Version}
	for _, o := range outs {
		var buf bytes.Buffer
		if err := report.Write(&buf, o.format, res, meta); err != nil {
			return &exitError{code: engine.ExitError, err: err}
		}
		if o.file == "" {
			if _, err := env.Stdout.Write(buf.Bytes()); err != nil {
				return &exitError{code: engine.ExitError, err: err}
			}
			continue
		}
		path := env.abs(o.file)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return &exitError{code: engine.ExitError, err: fmt.Errorf("--output %s: %w", o.file, err)}
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			return &exitError{code: engine.ExitError, err: fmt.Errorf("--output %s: %w", o.file, err)}
		}
	}
	if code := res.ExitCode(); code != 0 {
		return &exitError{code: code}
	}
	return nil
}
