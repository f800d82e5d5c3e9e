// Package rules holds the built-in rule pack: Rego only, embedded in the
// binary so that `gate check` works with zero configuration.
//
// Layout: lib/ (helpers shared by rules), terraform/<provider>/, github/,
// repo/. Every rule file has a `_test.rego` beside it.
package rules

import "embed"

// FS is the rule pack: every .rego file under this directory, tests included
// (the engine skips _test.rego files when it compiles the pack for a run).
//
//go:embed lib terraform github repo
var FS embed.FS

// Index describes every module of FS: package, data references, result
// rules and METADATA (policy.ModuleInfo), so that the engine parses only
// the modules a run compiles. Regenerate it after changing a rule; a stale
// index is ignored at run time (everything is parsed) and fails
// TestIndexIsCurrent.
//
//go:generate go run ../internal/rulesindex index.json
//go:embed index.json
var Index string
