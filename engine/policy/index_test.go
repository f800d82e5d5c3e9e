package policy

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/gatehq/gate/rules"
)

// packSummary is everything a pack decides before compiling, as JSON.
func packSummary(t *testing.T, p *Pack) string {
	t.Helper()
	type shardSum struct {
		Group     string
		Pkgs      []string
		Files     []string
		Builtin   bool
		Providers []string
	}
	shards := map[string][]shardSum{}
	for k, list := range p.shards {
		for _, sh := range list {
			shards[k] = append(shards[k], shardSum{sh.group, sh.pkgs, sh.files, sh.builtin, sh.providers})
		}
	}
	byFile := map[string]string{}
	for f, r := range p.byFile {
		byFile[f] = r.ID
	}
	b, err := json.Marshal(map[string]any{
		"rules": p.rules, "kinds": p.kinds, "names": p.pkgNames, "byFile": byFile, "shards": shards,
	})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestIndexedPackEqualsParsed: a pack built from the index is the pack
// built by parsing every module, it parses nothing before a shard is
// compiled, and an index that does not match the modules is ignored.
func TestIndexedPackEqualsParsed(t *testing.T) {
	ctx := context.Background()
	mods, err := LoadFS(rules.FS, ".", "rules", true, false)
	if err != nil {
		t.Fatal(err)
	}
	index, err := BuildIndex(mods)
	if err != nil {
		t.Fatal(err)
	}
	user := Module{Path: "policy/p.rego", Text: "package user.p\n\nimport rego.v1\nimport data.gate.lib.terraform as tf\n\ndeny contains r.address if some r in tf.resources(\"aws_s3_bucket\")\n"}
	withUser := append(slices.Clone(mods), user)

	parsedCount := func(p *Pack) int {
		n := 0
		for _, m := range p.mods {
			if m.mod != nil {
				n++
			}
		}
		return n
	}
	stale := slices.Clone(mods)
	stale[0].Text += "\n# edited after the index was written\n"

	tests := []struct {
		name       string
		mods       []Module
		index      string
		wantParsed func(n int) bool
	}{
		{"index used: nothing parsed", mods, string(index), func(n int) bool { return n == 0 }},
		{"index used, user policy parsed and compiled", withUser, string(index), func(n int) bool { return n > 1 && n < len(mods) }},
		{"stale index ignored: everything parsed", stale, string(index), func(n int) bool { return n == len(stale) }},
		{"index of another pack ignored", mods[1:], string(index), func(n int) bool { return n == len(mods)-1 }},
		{"broken index ignored", mods, "{not json", func(n int) bool { return n == len(mods) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			withIndex, err := Compile(ctx, tt.mods, Options{Index: tt.index})
			if err != nil {
				t.Fatal(err)
			}
			if n := parsedCount(withIndex); !tt.wantParsed(n) {
				t.Errorf("%d of %d modules parsed after Compile", n, len(tt.mods))
			}
			parsed, err := Compile(ctx, tt.mods, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if a, b := packSummary(t, withIndex), packSummary(t, parsed); a != b {
				t.Errorf("pack from the index differs from the parsed pack")
			}
			if err := withIndex.Prepare(ctx); err != nil {
				t.Fatal(err)
			}
		})
	}
	if !strings.Contains(string(index), `"id": "GATE-AWS-KMS-001"`) {
		t.Error("index lacks rule metadata")
	}
}
