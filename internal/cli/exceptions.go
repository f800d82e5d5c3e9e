package cli

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/gatehq/gate/engine"
	"github.com/gatehq/gate/internal/config"
)

type exceptionRow struct {
	Rule          string `json:"rule"`
	Resource      string `json:"resource"`
	Owner         string `json:"owner"`
	Ticket        string `json:"ticket,omitempty"`
	Justification string `json:"justification"`
	Expires       string `json:"expires"`
	DaysLeft      int    `json:"days_left"`
	Status        string `json:"status"` // active, expiring (≤ 14 days), expired
	Location      string `json:"location"`
}

func exceptionsCommand(env *Env) *cobra.Command {
	var file, cfgFile, format string
	cmd := &cobra.Command{
		Use:   "exceptions",
		Short: "List the exceptions (risk acceptances) with their owner and days left; exit 1 when one has expired",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			wd, err := env.workDir()
			if err != nil {
				return &exitError{code: engine.ExitError, err: err}
			}
			root := findRoot(wd)
			cfg := &config.Config{}
			if p := cfgFile; p != "" || config.Find(root) != "" {
				if p == "" {
					p = config.Find(root)
				}
				if cfg, err = config.Load(ctx, env.abs(p)); err != nil {
					return &exitError{code: engine.ExitError, err: err}
				}
			}
			path, _ := exceptionsPath(env, cfg, root, file)
			eng, err := engine.New(ctx, engine.Options{})
			if err != nil {
				return &exitError{code: engine.ExitError, err: err}
			}
			known := func(id string) bool { _, ok := eng.Pack().Rule(id); return ok }
			now := nowOr(env.now()).UTC()
			exc, err := config.LoadExceptions(ctx, path, false, now, cfg.MaxExceptionDays, known)
			if err != nil {
				return &exitError{code: engine.ExitError, err: err}
			}
			today := now.Truncate(24 * time.Hour)
			rows := []exceptionRow{}
			expired := 0
			for _, e := range exc {
				until, _ := time.Parse("2006-01-02", e.Until)
				days := int(until.Sub(today).Hours() / 24)
				status := "active"
				switch {
				case days < 0:
					status = "expired"
					expired++
				case days <= 14:
					status = "expiring"
				}
				rows = append(rows, exceptionRow{Rule: e.RuleID, Resource: e.Subject, Owner: e.Owner, Ticket: e.Ticket,
					Justification: e.Justification, Expires: e.Until, DaysLeft: days, Status: status,
					Location: relTo(root, e.Location.File) + fmt.Sprintf(":%d", e.Location.Line)})
			}
			switch format {
			case "json":
				enc := json.NewEncoder(env.Stdout)
				enc.SetIndent("", "  ")
				if err := enc.Encode(rows); err != nil {
					return err
				}
			case "text":
				tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "RULE\tRESOURCE\tOWNER\tTICKET\tEXPIRES\tDAYS LEFT\tSTATUS\tWHERE")
				for _, r := range rows {
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n", r.Rule, r.Resource, r.Owner, r.Ticket, r.Expires, r.DaysLeft, r.Status, r.Location)
				}
				if err := tw.Flush(); err != nil {
					return err
				}
				fmt.Fprintf(env.Stdout, "\n%d exception(s), %d expired\n", len(rows), expired)
			default:
				return usageError("--format %q: want text or json", format)
			}
			if expired > 0 {
				return &exitError{code: engine.ExitBlocked}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&file, "file", "", "exceptions file (default: from .gate.yaml, else .gate/exceptions.yaml)")
	cmd.Flags().StringVar(&cfgFile, "config", "", "configuration file (default: .gate.yaml at the repository root)")
	cmd.Flags().StringVarP(&format, "format", "f", "text", "text or json")
	return cmd
}

// exceptionsPath is the exceptions file of a run: the one named with a
// flag, else the config's, else the default file under the root, which
// may be absent (optional).
func exceptionsPath(env *Env, cfg *config.Config, root, named string) (path string, optional bool) {
	switch {
	case named != "":
		return env.abs(named), false
	case cfg.Exceptions != "":
		return resolve(cfg.Dir(), cfg.Exceptions), false
	default:
		return filepath.Join(root, config.DefaultExceptionsFile), true
	}
}
