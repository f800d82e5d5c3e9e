package rules_test

import (
	"testing"

	"github.com/gatehq/gate/engine/policy"
	"github.com/gatehq/gate/rules"
)

// TestIndexIsCurrent: rules/index.json describes the pack as it is. A
// stale index is ignored at run time (every module is parsed, which is
// slower but correct); this test keeps it from going stale unnoticed.
func TestIndexIsCurrent(t *testing.T) {
	mods, err := policy.LoadFS(rules.FS, ".", "rules", true, false)
	if err != nil {
		t.Fatal(err)
	}
	want, err := policy.BuildIndex(mods)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != rules.Index {
		t.Fatal("rules/index.json is stale: run `go generate ./rules`")
	}
}
