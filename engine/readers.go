package engine

import (
	"context"

	"github.com/gatehq/gate/engine/input/tfplan"
	"github.com/gatehq/gate/engine/model"
)

// DefaultMaxFileSize bounds every input file unless Options.MaxFileSize says otherwise.
const DefaultMaxFileSize = 256 << 20

// DefaultReaders are the readers of every input kind the gate knows;
// maxSize bounds each file read (0 = DefaultMaxFileSize).
func DefaultReaders(maxSize int64) Readers {
	if maxSize <= 0 {
		maxSize = DefaultMaxFileSize
	}
	return Readers{
		Plan: func(ctx context.Context, file, root string, explicit bool) (*model.Document, *model.InputError) {
			return tfplan.ReadFile(ctx, file, tfplan.Options{Root: root, Explicit: explicit, MaxFileSize: maxSize})
		},
	}
}
