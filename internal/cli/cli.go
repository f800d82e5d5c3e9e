// Package cli is the gate's command line: flags, the config file, exit
// codes. It holds no logic of its own: it calls the engine and the writers.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/gatehq/gate/engine"
	"github.com/gatehq/gate/internal/version"
)

// Env is the process environment the CLI runs in (injected for tests).
type Env struct {
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	// Dir is the working directory ("" = the process's).
	Dir string
	// Now is the clock for exception expiry (nil = the real clock).
	Now func() time.Time
}

// now is the injected clock's time, or the zero time (the engine then uses
// the real clock).
func (env *Env) now() time.Time {
	if env.Now == nil {
		return time.Time{}
	}
	return env.Now()
}

// exitError carries an exit code out of a command.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// usageError marks bad flags or arguments: exit 2.
func usageError(format string, args ...any) error {
	return &exitError{code: engine.ExitError, err: fmt.Errorf(format, args...)}
}

// Run executes the gate with args and returns the exit code.
func Run(ctx context.Context, args []string, env Env) int {
	if env.Getenv == nil {
		env.Getenv = func(string) string { return "" }
	}
	if env.Stdout == nil {
		env.Stdout = io.Discard
	}
	if env.Stderr == nil {
		env.Stderr = io.Discard
	}
	root := &cobra.Command{
		Use:           "gate",
		Short:         "Policy-as-code CI gate mapped to SOC 2, ISO 27001, NIST CSF and SP 800-53",
		Version:       version.String(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	root.SetArgs(args)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return &exitError{code: engine.ExitError, err: err}
	})
	root.AddCommand(checkCommand(&env), rulesCommand(&env), testCommand(&env), exceptionsCommand(&env), githubCommand(&env), evidenceCommand(&env), reportCommand(&env), versionCommand(&env))
	err := root.ExecuteContext(ctx)
	if err == nil {
		return 0
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintf(env.Stderr, "gate: %v\n", ee.err)
		}
		return ee.code
	}
	fmt.Fprintf(env.Stderr, "gate: %v\n", err)
	return engine.ExitError
}

func versionCommand(env *Env) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the gate's version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fmt.Fprintf(env.Stdout, "gate %s\n", version.String())
			return nil
		},
	}
}

// workDir is the directory relative paths start from.
func (env *Env) workDir() (string, error) {
	if env.Dir != "" {
		return filepath.Abs(env.Dir)
	}
	return os.Getwd()
}

// abs resolves p against the working directory.
func (env *Env) abs(p string) string {
	if filepath.IsAbs(p) || env.Dir == "" {
		a, err := filepath.Abs(p)
		if err != nil {
			return p
		}
		return a
	}
	return filepath.Join(env.Dir, p)
}

// findRoot walks up from dir to the directory holding .git; dir itself when
// there is none.
func findRoot(dir string) string {
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}
