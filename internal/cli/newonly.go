package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/gatehq/gate/engine"
)

// git runs a git command in dir and returns its trimmed stdout.
func git(ctx context.Context, dir string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "git", append([]string{"-C", dir}, args...)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("git %s: %w: %s", strings.Join(args, " "), err, strings.TrimSpace(errb.String()))
	}
	return strings.TrimSpace(out.String()), nil
}

// baseFingerprints runs the same check on the merge base of HEAD and the
// base ref, in a temporary git worktree, and returns the fingerprints of
// the findings found there: those are not new in this change.
func baseFingerprints(ctx context.Context, env *Env, eng *engine.Engine, opts engine.Options, base string) (map[string]bool, error) {
	if base == "" {
		if ref := env.Getenv("GITHUB_BASE_REF"); ref != "" {
			base = "origin/" + ref
		} else {
			base = "origin/HEAD"
		}
	}
	sha, err := git(ctx, opts.Root, "merge-base", "HEAD", base)
	if err != nil {
		return nil, fmt.Errorf("find the merge base with %s (fetch it first, e.g. actions/checkout with fetch-depth: 0): %w", base, err)
	}
	tmp, err := os.MkdirTemp("", "gate-base-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	wt := filepath.Join(tmp, "base")
	if _, err := git(ctx, opts.Root, "worktree", "add", "--detach", wt, sha); err != nil {
		return nil, err
	}
	defer func() { _, _ = git(context.WithoutCancel(ctx), opts.Root, "worktree", "remove", "--force", wt) }()

	remap := func(paths []string) []string {
		var out []string
		for _, p := range paths {
			r, err := filepath.Rel(opts.Root, p)
			if err != nil || strings.HasPrefix(r, "..") {
				continue
			}
			q := filepath.Join(wt, r)
			if _, err := os.Stat(q); err == nil {
				out = append(out, q)
			}
		}
		return out
	}
	bo := opts
	bo.Root = wt
	bo.Paths = remap(opts.Paths)
	bo.Plans = remap(opts.Plans)
	bo.Baseline = nil
	bo.AllowEmpty = true
	if len(bo.Paths) == 0 && len(bo.Plans) == 0 {
		return map[string]bool{}, nil // nothing of this existed at the base
	}
	res, err := eng.Run(ctx, bo)
	if err != nil {
		return nil, fmt.Errorf("check the base %s: %w", sha, err)
	}
	if len(res.RuleErrors) > 0 {
		return nil, errors.New("check the base: " + strings.Join(res.RuleErrors, "; "))
	}
	out := map[string]bool{}
	for _, f := range res.Findings {
		out[f.Fingerprint] = true
	}
	return out, nil
}
