package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/gatehq/gate/engine"
	ghsettings "github.com/gatehq/gate/engine/input/github"
	"github.com/gatehq/gate/engine/model"
)

// githubSource reads a repository's GitHub settings, live or from a snapshot.
type githubSource struct {
	opts     ghsettings.Options
	snapshot string
	root     string
	explicit bool
}

func (s *githubSource) Name() string { return "github" }

func (s *githubSource) Read(ctx context.Context) ([]*model.Document, []*model.InputError) {
	var doc *model.Document
	var err error
	where := "github:" + s.opts.Repo
	if s.snapshot != "" {
		where = relTo(s.root, s.snapshot)
		doc, err = ghsettings.ReadSnapshot(ctx, s.snapshot, s.opts.Repo)
	} else {
		doc, err = ghsettings.ReadLive(ctx, s.opts)
	}
	if err != nil {
		var ie *model.InputError
		if errors.As(err, &ie) {
			ie.Explicit = s.explicit
			return nil, []*model.InputError{ie}
		}
		return nil, []*model.InputError{{Path: where, Err: err, Explicit: s.explicit}}
	}
	if doc.Anchor == nil {
		// Code scanning places results on files: settings findings go on
		// the file that governs review, or on the first one that exists.
		for _, f := range []string{".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS", ".github/settings.yml", ".gate.yaml", "README.md"} {
			if _, err := os.Stat(filepath.Join(s.root, f)); err == nil {
				doc.Anchor = &model.Position{File: f, Line: 1}
				break
			}
		}
	}
	return []*model.Document{doc}, nil
}

// githubOptions builds the GitHub source from flags, config and the environment.
func githubOptions(env *Env, repo, snapshot string, branches []string, root string) (engine.Source, error) {
	explicit := repo != "" || snapshot != ""
	if repo == "" && snapshot == "" {
		// In GitHub Actions the repository's own settings are checked by
		// default when a token is available.
		if !env.inActions() || env.Getenv("GITHUB_REPOSITORY") == "" || token(env) == "" {
			return nil, nil
		}
		repo = env.Getenv("GITHUB_REPOSITORY")
	}
	if repo == "" && snapshot == "" {
		return nil, nil
	}
	return &githubSource{
		opts: ghsettings.Options{
			Repo: repo, Token: token(env), BaseURL: env.Getenv("GITHUB_API_URL"), Branches: branches,
		},
		snapshot: snapshot,
		root:     root,
		explicit: explicit,
	}, nil
}

func token(env *Env) string {
	if t := env.Getenv("GITHUB_TOKEN"); t != "" {
		return t
	}
	return env.Getenv("GH_TOKEN")
}

func githubCommand(env *Env) *cobra.Command {
	cmd := &cobra.Command{Use: "github", Short: "Work with a repository's GitHub settings"}
	var repo, out string
	var branches []string
	snap := &cobra.Command{
		Use:   "snapshot",
		Short: "Record the repository's settings from the GitHub API into a directory, for offline and archived evaluation (--github-snapshot)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if repo == "" {
				repo = env.Getenv("GITHUB_REPOSITORY")
			}
			if repo == "" {
				return usageError("--repo owner/name is required (or GITHUB_REPOSITORY)")
			}
			if out == "" {
				return usageError("--out DIR is required")
			}
			opts := ghsettings.Options{Repo: repo, Token: token(env), BaseURL: env.Getenv("GITHUB_API_URL"), Branches: branches}
			if err := ghsettings.WriteSnapshot(cmd.Context(), opts, env.abs(out)); err != nil {
				return &exitError{code: engine.ExitError, err: err}
			}
			fmt.Fprintf(env.Stdout, "snapshot of %s written to %s\n", repo, out)
			return nil
		},
	}
	snap.Flags().StringVar(&repo, "repo", "", "repository owner/name (default GITHUB_REPOSITORY)")
	snap.Flags().StringVar(&out, "out", "", "directory to write")
	snap.Flags().StringSliceVar(&branches, "branch", nil, "branches to record (default: the default branch)")
	cmd.AddCommand(snap)
	return cmd
}
