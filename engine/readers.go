package engine

import (
	"context"
	"os"

	"github.com/gatehq/gate/engine/input/hcl"
	"github.com/gatehq/gate/engine/input/repo"
	"github.com/gatehq/gate/engine/input/tfplan"
	"github.com/gatehq/gate/engine/model"
)

// DefaultMaxFileSize bounds plan files unless Options.MaxFileSize says
// otherwise; source and configuration files have their readers' own,
// smaller default (10 MiB).
const DefaultMaxFileSize = 256 << 20

// DefaultReaders are the readers of every input kind the gate knows.
// maxSize bounds each file read (0 = each reader's default); lookupEnv
// reads the environment (nil = os.LookupEnv).
func DefaultReaders(maxSize int64, lookupEnv func(string) (string, bool)) Readers {
	planMax := maxSize
	if planMax <= 0 {
		planMax = DefaultMaxFileSize
	}
	if lookupEnv == nil {
		lookupEnv = os.LookupEnv
	}
	return Readers{
		Plan: func(ctx context.Context, file, root string, explicit bool) (*model.Document, *model.InputError) {
			return tfplan.ReadFile(ctx, file, tfplan.Options{Root: root, Explicit: explicit, MaxFileSize: planMax})
		},
		TerraformDir: func(ctx context.Context, dir, root string) (*model.Document, []*model.InputError) {
			return hcl.ReadDir(ctx, dir, hcl.Options{Root: root, MaxFileSize: maxSize})
		},
		TerraformDirs: hcl.FindModuleDirs,
		Repo: func(ctx context.Context, root string, explicit []string) (*model.Document, []*model.InputError) {
			return repo.Read(ctx, repo.Options{Root: root, MaxFileSize: maxSize, Explicit: explicit, LookupEnv: lookupEnv})
		},
	}
}
