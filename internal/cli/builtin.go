package cli

import (
	"github.com/gatehq/gate/engine/policy"
	"github.com/gatehq/gate/rules"
)

// builtinModules loads the embedded rule pack.
func builtinModules(tests bool) ([]policy.Module, error) {
	return policy.LoadFS(rules.FS, ".", "rules", true, tests)
}
