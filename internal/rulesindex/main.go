// Command rulesindex writes rules/index.json, the description of every
// built-in module (package, references, result rules, METADATA) that lets
// the engine parse only the modules a run compiles. Run it with
// `go generate ./rules` after changing a rule; TestIndexIsCurrent fails
// while the index is stale.
package main

import (
	"fmt"
	"os"

	"github.com/gatehq/gate/engine/policy"
	"github.com/gatehq/gate/rules"
)

func main() {
	out := "index.json"
	if len(os.Args) > 1 {
		out = os.Args[1]
	}
	if err := run(out); err != nil {
		fmt.Fprintln(os.Stderr, "rulesindex:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	mods, err := policy.LoadFS(rules.FS, ".", "rules", true, false)
	if err != nil {
		return err
	}
	b, err := policy.BuildIndex(mods)
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, b, 0o644); err != nil {
		return fmt.Errorf("write index: %w", err)
	}
	return nil
}
