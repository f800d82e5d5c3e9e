package rules_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/gatehq/gate/engine/catalog"
	"github.com/gatehq/gate/engine/model"
	"github.com/gatehq/gate/engine/policy"
	"github.com/gatehq/gate/rules"
)

// ruleProblems lists what is wrong with a built-in rule's description: a
// missing id, title, description, severity or remediation, and every
// control ID the catalog rejects (unknown, withdrawn, non-canonical,
// unknown framework key, one of the four frameworks missing). Each entry
// names the rule, its file and the offending ID.
func ruleProblems(cat *catalog.Catalog, r *model.Rule) []string {
	var out []string
	add := func(format string, args ...any) {
		out = append(out, fmt.Sprintf("rule %s (%s): ", r.ID, r.File)+fmt.Sprintf(format, args...))
	}
	if strings.TrimSpace(r.ID) == "" || r.ID == r.Package {
		add("no custom.id")
	}
	if strings.TrimSpace(r.Title) == "" || r.Title == r.Package {
		add("no title")
	}
	if strings.TrimSpace(r.Description) == "" {
		add("no description")
	}
	if strings.TrimSpace(r.Remediation) == "" {
		add("no custom.remediation")
	}
	if r.Severity.Rank() < 0 {
		add("no valid custom.severity (got %q)", r.Severity)
	}
	for _, err := range cat.ValidateControls(r.Controls) {
		add("%v", err)
	}
	return out
}

// TestControls checks every rule of the built-in pack: complete METADATA
// and control IDs that exist, are current and are spelled canonically in
// all four frameworks. One subtest per rule: -run 'TestControls/GATE-AWS-S3-002'.
func TestControls(t *testing.T) {
	cat, err := catalog.New()
	if err != nil {
		t.Fatal(err)
	}
	mods, err := policy.LoadFS(rules.FS, ".", "rules", true, false)
	if err != nil {
		t.Fatal(err)
	}
	pack, err := policy.Compile(context.Background(), mods, policy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rs := pack.Rules()
	if len(rs) == 0 {
		t.Fatal("the built-in pack has no rules")
	}
	for _, r := range rs {
		t.Run(r.ID, func(t *testing.T) {
			if !r.Builtin {
				t.Errorf("rule %s (%s) is not marked built-in", r.ID, r.File)
			}
			for _, p := range ruleProblems(cat, r) {
				t.Error(p)
			}
		})
	}
}

// badModule is a rule whose controls the check must reject.
const badModule = `# METADATA
# title: Rule with bad control IDs
# description: Exists only to prove that TestControls can fail.
# custom:
#   id: GATE-TEST-BAD-001
#   severity: low
#   remediation: Fix the control IDs.
#   controls:
#     soc2: [CC6.1]
#     iso27001_2022: [A.8.24, A.9.4.2]
#     nist_csf_2: [PR.DS-1]
#     nist_800_53r5: [AC-13, XY-99]
package gate.rules.repo.bad_controls

deny contains {"resource": "x", "msg": "never"} if {
	input.never_set == "never"
}
`

// incompleteModule names controls under a wrong key and leaves one
// framework out.
const incompleteModule = `# METADATA
# title: Rule with incomplete controls
# description: Exists only to prove that TestControls can fail.
# custom:
#   id: GATE-TEST-BAD-002
#   severity: low
#   remediation: Fix the control keys.
#   controls:
#     soc2: [CC6.1]
#     iso27001: [A.8.24]
#     nist_csf_2: [PR.DS-01]
#     nist_800_53r5: [SC-28]
package gate.rules.repo.incomplete_controls

deny contains {"resource": "x", "msg": "never"} if {
	input.never_set == "never"
}
`

// TestControlsCheckCatchesBadIDs compiles small in-memory rules with a
// withdrawn, a superseded, a misspelt and a bogus control ID and a wrong
// framework key, and asserts the check TestControls runs reports each one.
func TestControlsCheckCatchesBadIDs(t *testing.T) {
	cat, err := catalog.New()
	if err != nil {
		t.Fatal(err)
	}
	pack, err := policy.Compile(context.Background(), []policy.Module{
		{Path: "test/bad_controls.rego", Text: badModule, Builtin: true},
		{Path: "test/incomplete_controls.rego", Text: incompleteModule, Builtin: true},
	}, policy.Options{})
	if err != nil {
		t.Fatal(err)
	}

	type want struct {
		kind  error
		parts []string // in the ruleProblems message, besides rule id and file
	}
	tests := []struct {
		id, file string
		want     []want // in order
	}{
		{"GATE-TEST-BAD-001", "test/bad_controls.rego", []want{
			{catalog.ErrWithdrawn, []string{`"A.9.4.2"`, "A.8.5"}},
			{catalog.ErrNonCanonical, []string{`"PR.DS-1"`, "PR.DS-01"}},
			{catalog.ErrWithdrawn, []string{`"AC-13"`, "AC-2, AU-6"}},
			{catalog.ErrUnknownControl, []string{`"XY-99"`}},
		}},
		{"GATE-TEST-BAD-002", "test/incomplete_controls.rego", []want{
			{catalog.ErrMissingFramework, []string{`"iso27001_2022"`}},
			{catalog.ErrUnknownFramework, []string{`"iso27001"`, "iso27001_2022"}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			r, ok := pack.Rule(tt.id)
			if !ok {
				t.Fatalf("rule %s not compiled", tt.id)
			}
			errs := cat.ValidateControls(r.Controls)
			problems := ruleProblems(cat, r)
			if len(errs) != len(tt.want) || len(problems) != len(tt.want) {
				t.Fatalf("got %d errors %v and %d problems %q, want %d", len(errs), errs, len(problems), problems, len(tt.want))
			}
			for i, w := range tt.want {
				if !errors.Is(errs[i], w.kind) {
					t.Errorf("error %d = %v, want %v", i, errs[i], w.kind)
				}
				for _, p := range append([]string{tt.id, tt.file}, w.parts...) {
					if !strings.Contains(problems[i], p) {
						t.Errorf("problem %q lacks %q", problems[i], p)
					}
				}
			}
		})
	}

	// The METADATA checks: a rule description without the required fields.
	bare := &model.Rule{ID: "gate.rules.repo.bare", Package: "gate.rules.repo.bare", Title: "gate.rules.repo.bare",
		File: "test/bare.rego", Severity: "", Controls: model.Controls{}}
	problems := strings.Join(ruleProblems(cat, bare), "\n")
	for _, p := range []string{"no custom.id", "no title", "no description", "no custom.remediation", "no valid custom.severity",
		`"soc2": missing`, `"nist_800_53r5": missing`, "test/bare.rego"} {
		if !strings.Contains(problems, p) {
			t.Errorf("problems for a bare rule lack %q:\n%s", p, problems)
		}
	}
}
