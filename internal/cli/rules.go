package cli

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/gatehq/gate/engine"
	"github.com/gatehq/gate/engine/catalog"
	"github.com/gatehq/gate/engine/model"
	"github.com/gatehq/gate/engine/policy"
)

func rulesCommand(env *Env) *cobra.Command {
	var format string
	var verbose bool
	var frameworks, policies []string
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the rules with the controls they evidence",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var fws []string
			for _, s := range frameworks {
				fw, err := model.FrameworkFromFlag(s)
				if err != nil {
					return usageError("--framework: %w", err)
				}
				fws = append(fws, fw)
			}
			opts := engine.Options{Frameworks: fws}
			for _, p := range policies {
				opts.Policies = append(opts.Policies, env.abs(p))
			}
			eng, err := engine.New(cmd.Context(), opts)
			if err != nil {
				return &exitError{code: engine.ExitError, err: err}
			}
			var rules []*model.Rule
			for _, r := range eng.Pack().Rules() {
				if len(fws) == 0 || hasAny(r.Controls, fws) {
					rules = append(rules, r)
				}
			}
			switch format {
			case "json":
				enc := json.NewEncoder(env.Stdout)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				if rules == nil {
					rules = []*model.Rule{}
				}
				if len(fws) == 0 {
					return enc.Encode(rules)
				}
				return enc.Encode(struct {
					Rules    []*model.Rule `json:"rules"`
					Coverage []coverage    `json:"coverage"`
				}{rules, coverageOf(eng.Catalog(), rules, fws)})
			case "markdown":
				return writeRulesMarkdown(env, rules)
			case "text":
				if err := writeRulesText(env, rules, fws); err != nil {
					return err
				}
				if len(fws) > 0 {
					writeCoverage(env, coverageOf(eng.Catalog(), rules, fws), verbose)
				}
				return nil
			}
			return usageError("--format %q: want text or json", format)
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "text, json or markdown (the table in rules/RULES.md)")
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "with --framework: list every control without automated evidence")
	cmd.Flags().StringSliceVar(&frameworks, "framework", nil, "only rules mapped to these frameworks: soc2, iso27001, nist-csf, nist-800-53")
	cmd.Flags().StringArrayVar(&policies, "policy", nil, "also list rules from this policy directory; repeatable")
	return cmd
}

// coverage is how much of a framework the rules evidence automatically.
type coverage struct {
	Framework string            `json:"framework"`
	Name      string            `json:"name"`
	Total     int               `json:"total"`
	Covered   []coveredControl  `json:"covered"`
	Manual    []catalog.Control `json:"manual"`
}

type coveredControl struct {
	ID    string   `json:"id"`
	Title string   `json:"title"`
	Rules []string `json:"rules"`
}

func coverageOf(cat *catalog.Catalog, rules []*model.Rule, fws []string) []coverage {
	var out []coverage
	for _, fw := range fws {
		byID := map[string][]string{}
		for _, r := range rules {
			for _, id := range r.Controls[fw] {
				byID[id] = append(byID[id], r.ID)
			}
		}
		c := coverage{Framework: fw, Name: catalog.DisplayName(fw), Manual: []catalog.Control{}, Covered: []coveredControl{}}
		for _, ctl := range cat.Controls(fw) {
			c.Total++
			if ids, ok := byID[ctl.ID]; ok {
				c.Covered = append(c.Covered, coveredControl{ID: ctl.ID, Title: ctl.Title, Rules: ids})
				delete(byID, ctl.ID)
			} else {
				c.Manual = append(c.Manual, ctl)
			}
		}
		// IDs rules cite that are not coverage units (e.g. 800-53
		// enhancements) still count as evidence for their own ID.
		extra := make([]string, 0, len(byID))
		for id := range byID {
			extra = append(extra, id)
		}
		sort.Strings(extra)
		for _, id := range extra {
			c.Covered = append(c.Covered, coveredControl{ID: id, Title: cat.Title(fw, id), Rules: byID[id]})
		}
		out = append(out, c)
	}
	return out
}

func writeCoverage(env *Env, cs []coverage, verbose bool) {
	for _, c := range cs {
		inCatalog := c.Total - len(c.Manual)
		fmt.Fprintf(env.Stdout, "\n%s: %d of %d controls have automated evidence from these rules; %d are manual (evidence collected outside the gate)\n",
			c.Name, inCatalog, c.Total, len(c.Manual))
		for _, cc := range c.Covered {
			fmt.Fprintf(env.Stdout, "  %-12s %-60.60s %d rule(s)\n", cc.ID, cc.Title, len(cc.Rules))
		}
		if len(c.Manual) > 0 {
			if verbose || len(c.Manual) <= 120 {
				fmt.Fprintf(env.Stdout, "  manual:\n")
				for _, m := range c.Manual {
					fmt.Fprintf(env.Stdout, "  %-12s %s\n", m.ID, m.Title)
				}
			} else {
				fmt.Fprintf(env.Stdout, "  manual: %d controls (list them with --verbose or -f json)\n", len(c.Manual))
			}
		}
	}
}

// writeRulesMarkdown renders the rule table of rules/RULES.md.
func writeRulesMarkdown(env *Env, rules []*model.Rule) error {
	w := env.Stdout
	counts := map[string]int{}
	for _, r := range rules {
		counts[ruleGroup(r)]++
	}
	fmt.Fprintf(w, "# Built-in rules\n\nGenerated by `go run ./cmd/gate rules -f markdown > rules/RULES.md` (a test keeps it current).\n\n")
	fmt.Fprintf(w, "%d rules:", len(rules))
	groups := make([]string, 0, len(counts))
	for g := range counts {
		groups = append(groups, g)
	}
	sort.Strings(groups)
	for i, g := range groups {
		sep := ","
		if i == 0 {
			sep = ""
		}
		fmt.Fprintf(w, "%s %s %d", sep, g, counts[g])
	}
	fmt.Fprintf(w, ".\n\n| ID | Severity | Title | SOC 2 | ISO 27001:2022 | NIST CSF 2.0 | NIST 800-53r5 | Sources |\n|---|---|---|---|---|---|---|---|\n")
	for _, r := range rules {
		src := strings.Join(r.Sources, ", ")
		if src == "" {
			src = r.Kind
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s | %s |\n", r.ID, r.Severity, strings.ReplaceAll(r.Title, "|", `\|`),
			strings.Join(r.Controls[model.FrameworkSOC2], ", "), strings.Join(r.Controls[model.FrameworkISO27001], ", "),
			strings.Join(r.Controls[model.FrameworkNISTCSF], ", "), strings.Join(r.Controls[model.FrameworkNIST80053], ", "), src)
	}
	return nil
}

// ruleGroup names a rule's family for the summary line: AWS, Azure, GCP,
// GitHub, repository.
func ruleGroup(r *model.Rule) string {
	switch {
	case strings.HasPrefix(r.ID, "GATE-AWS-"):
		return "AWS"
	case strings.HasPrefix(r.ID, "GATE-AZ-"):
		return "Azure"
	case strings.HasPrefix(r.ID, "GATE-GCP-"):
		return "Google Cloud"
	case strings.HasPrefix(r.ID, "GATE-GH-"):
		return "GitHub settings"
	case strings.HasPrefix(r.ID, "GATE-REPO-"):
		return "repository"
	}
	return "other"
}

func hasAny(c model.Controls, fws []string) bool {
	for _, fw := range fws {
		if len(c[fw]) > 0 {
			return true
		}
	}
	return false
}

func writeRulesText(env *Env, rules []*model.Rule, fws []string) error {
	if len(fws) == 0 {
		fws = model.Frameworks()
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	head := []string{"ID", "SEVERITY", "TITLE"}
	for _, fw := range fws {
		head = append(head, strings.ToUpper(model.TagPrefix(fw)))
	}
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	for _, r := range rules {
		row := []string{r.ID, string(r.Severity), r.Title}
		for _, fw := range fws {
			row = append(row, strings.Join(r.Controls[fw], ","))
		}
		fmt.Fprintln(tw, strings.Join(row, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "\n%d rule(s)\n", len(rules))
	return nil
}

func testCommand(env *Env) *cobra.Command {
	var verbose bool
	cmd := &cobra.Command{
		Use:   "test [POLICY_DIR...]",
		Short: "Run the Rego unit tests (test_* rules) of the built-in pack or of your policy directories",
		RunE: func(cmd *cobra.Command, args []string) error {
			var mods []policy.Module
			var err error
			if len(args) == 0 {
				mods, err = builtinModules(true)
				if err != nil {
					return &exitError{code: engine.ExitError, err: err}
				}
			}
			for _, dir := range args {
				m, err := policy.LoadDir(cmd.Context(), env.abs(dir), true)
				if err != nil {
					return &exitError{code: engine.ExitError, err: err}
				}
				mods = append(mods, m...)
			}
			results, err := policy.RunTests(cmd.Context(), mods)
			if err != nil {
				return &exitError{code: engine.ExitError, err: err}
			}
			pass, fail := 0, 0
			for _, r := range results {
				ok := r.Err == nil && (r.Pass || r.Skip)
				if ok {
					pass++
				} else {
					fail++
				}
				if verbose || !ok {
					fmt.Fprintln(env.Stdout, r.String())
				}
			}
			fmt.Fprintf(env.Stdout, "%d passed, %d failed\n", pass, fail)
			if len(results) == 0 {
				return &exitError{code: engine.ExitError, err: fmt.Errorf("no test_ rules found")}
			}
			if fail > 0 {
				return &exitError{code: engine.ExitBlocked}
			}
			return nil
		},
	}
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "print every test, not only failures")
	return cmd
}
