package engine

import (
	"context"

	"github.com/gatehq/gate/engine/input/tfplan"
	"github.com/gatehq/gate/engine/model"
)

// DefaultReaders are the readers of every input kind the gate knows.
func DefaultReaders() Readers {
	return Readers{
		Plan: func(ctx context.Context, file, root string, explicit bool) (*model.Document, *model.InputError) {
			return tfplan.ReadFile(ctx, file, tfplan.Options{Root: root, Explicit: explicit})
		},
	}
}
