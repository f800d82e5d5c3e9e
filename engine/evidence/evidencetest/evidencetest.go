// Package evidencetest makes evidence records from real runs of the engine
// over the repository's example stacks, for tests and for the sample report.
package evidencetest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"time"

	"github.com/gatehq/gate/engine"
	"github.com/gatehq/gate/engine/evidence"
	"github.com/gatehq/gate/engine/model"
	"github.com/gatehq/gate/internal/version"
	"github.com/gatehq/gate/rules"
)

// Start is when the first run of Runs started.
var Start = time.Date(2026, 1, 5, 9, 30, 0, 0, time.UTC)

// Exceptions are the exceptions-file entries every run of Runs has.
func Exceptions() []model.Suppression {
	return []model.Suppression{
		{Kind: "external", RuleID: "GATE-AWS-S3-005", Subject: "aws_s3_bucket.access_logs",
			Justification: "The access-log bucket cannot log to itself", Until: "2099-12-31", Owner: "platform-team",
			Ticket: "SEC-142", Location: model.Position{File: ".gate/exceptions.yaml", Line: 3}},
		{Kind: "external", RuleID: "GATE-AWS-RDS-001", Subject: "aws_db_instance.legacy",
			Justification: "Legacy database, migrated in Q1", Until: "2026-01-20", Owner: "data-team",
			Ticket: "SEC-99", Location: model.Position{File: ".gate/exceptions.yaml", Line: 9}},
	}
}

// Runs runs the engine n times over the example stacks under root (the
// repository root), every third day from Start — the failing example
// (blocking at medium) in runs 1–4 and 7, the fixed one (blocking at high)
// in the others — and returns the unsealed records, with GitHub metadata
// made up for repository repo.
func Runs(ctx context.Context, root string, n int, repo string) ([]*evidence.Record, error) {
	eng, err := engine.New(ctx, engine.Options{})
	if err != nil {
		return nil, err
	}
	digest, err := evidence.RulePackDigest(rules.FS)
	if err != nil {
		return nil, err
	}
	var out []*evidence.Record
	for i := 0; i < n; i++ {
		// The story: four pull requests on the failing stack (blocked at
		// medium), the fix, a regression in the seventh, fixed again.
		dir, failOn := "fixtures/example", model.SeverityMedium
		if i >= 4 && i != 6 {
			dir, failOn = "fixtures/example-fixed", model.SeverityHigh
		}
		opts := engine.Options{
			Root:       root,
			Paths:      []string{filepath.Join(root, dir)},
			FailOn:     failOn,
			Now:        Start.AddDate(0, 0, 3*i),
			Exceptions: Exceptions(),
		}
		res, err := eng.Run(ctx, opts)
		if err != nil {
			return nil, fmt.Errorf("run %d (%s): %w", i+1, dir, err)
		}
		sum := sha256.Sum256([]byte(fmt.Sprintf("commit %d", i)))
		pr := 100 + i
		runID := fmt.Sprint(9000000 + i)
		meta := evidence.Meta{
			Version:        version.Version,
			RulePackDigest: digest,
			Run: evidence.Run{
				Repository: repo, Commit: hex.EncodeToString(sum[:20]), Ref: fmt.Sprintf("refs/pull/%d/merge", pr),
				PullRequest: pr, Actor: []string{"alice", "bob", "carol"}[i%3], RunID: runID, RunAttempt: "1",
				Workflow: "gate", Event: "pull_request", URL: "https://github.com/" + repo + "/actions/runs/" + runID,
			},
		}
		rec, err := evidence.Build(res, opts, meta)
		if err != nil {
			return nil, err
		}
		out = append(out, rec)
	}
	return out, nil
}
