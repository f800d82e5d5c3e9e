package catalog_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/gatehq/gate/engine/catalog"
	"github.com/gatehq/gate/engine/model"
)

func newCatalog(t *testing.T) *catalog.Catalog {
	t.Helper()
	c, err := catalog.New()
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}

func ids(cs []catalog.Control) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.ID
	}
	return out
}

// The counts are those of the source documents (see data/PROVENANCE.md):
// 61 TSC criteria, 93 ISO/IEC 27001:2022 Annex A controls, 106 CSF 2.0
// subcategories, 1,014 active SP 800-53 Rev. 5 controls and enhancements.
func TestControls(t *testing.T) {
	c := newCatalog(t)
	tests := []struct {
		framework   string
		controls    int // Controls: the coverage denominator
		all         int // All: every entry, withdrawn and CSF functions/categories included
		first, last string
	}{
		{model.FrameworkSOC2, 61, 61, "CC1.1", "P8.1"},
		{model.FrameworkISO27001, 93, 93, "A.5.1", "A.8.34"},
		{model.FrameworkNISTCSF, 106, 225, "GV.OC-01", "RC.RP-06"},
		{model.FrameworkNIST80053, 1014, 1196, "AC-1", "SR-12"},
		{catalog.FrameworkISO27001_2013, 0, 114, "", ""},
		{catalog.FrameworkNISTCSF11, 0, 136, "", ""},
		{"iso27001", 0, 0, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.framework, func(t *testing.T) {
			got := c.Controls(tt.framework)
			if len(got) != tt.controls {
				t.Errorf("Controls(%q): %d entries, want %d", tt.framework, len(got), tt.controls)
			}
			if n := len(c.All(tt.framework)); n != tt.all {
				t.Errorf("All(%q): %d entries, want %d", tt.framework, n, tt.all)
			}
			if len(got) == 0 {
				return
			}
			if got[0].ID != tt.first || got[len(got)-1].ID != tt.last {
				t.Errorf("Controls(%q) runs %s … %s, want %s … %s", tt.framework, got[0].ID, got[len(got)-1].ID, tt.first, tt.last)
			}
			seen := map[string]bool{}
			for _, e := range got {
				if e.Withdrawn || e.Kind == catalog.KindFunction || e.Kind == catalog.KindCategory {
					t.Errorf("Controls(%q) lists %s (%s, withdrawn=%v)", tt.framework, e.ID, e.Kind, e.Withdrawn)
				}
				if e.Framework != tt.framework || e.Title == "" {
					t.Errorf("Controls(%q): %s has framework %q, title %q", tt.framework, e.ID, e.Framework, e.Title)
				}
				if seen[e.ID] {
					t.Errorf("Controls(%q) lists %s twice", tt.framework, e.ID)
				}
				seen[e.ID] = true
				// Every listed control passes Validate: the two agree on
				// what a rule may name.
				if err := c.Validate(tt.framework, e.ID); err != nil {
					t.Errorf("Validate(%q, %q) = %v for a listed control", tt.framework, e.ID, err)
				}
			}
		})
	}
}

func TestCSFStructure(t *testing.T) {
	c := newCatalog(t)
	count := map[string]int{}
	for _, e := range c.All(model.FrameworkNISTCSF) {
		if !e.Withdrawn {
			count[e.Kind]++
		} else {
			count["withdrawn "+e.Kind]++
		}
	}
	want := map[string]int{
		catalog.KindFunction: 6, catalog.KindCategory: 22, catalog.KindSubcategory: 106,
		"withdrawn " + catalog.KindCategory: 12, "withdrawn " + catalog.KindSubcategory: 79,
	}
	for k, n := range want {
		if count[k] != n {
			t.Errorf("CSF 2.0 %s: %d, want %d", k, count[k], n)
		}
	}
	e, ok := c.Lookup(model.FrameworkNISTCSF, "PR.DS-01")
	if !ok || e.Parent != "PR.DS" || e.Function != "PR" || e.Kind != catalog.KindSubcategory {
		t.Errorf("Lookup PR.DS-01 = %+v, %v", e, ok)
	}
}

func TestBaseline(t *testing.T) {
	c := newCatalog(t)
	tests := []struct {
		baseline string
		want     int
	}{
		{"LOW", 149}, {"MODERATE", 287}, {"HIGH", 370}, {"PRIVACY", 96}, {" moderate ", 287},
	}
	for _, tt := range tests {
		t.Run(tt.baseline, func(t *testing.T) {
			got, err := c.Baseline(tt.baseline)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tt.want {
				t.Errorf("Baseline(%q): %d controls, want %d", tt.baseline, len(got), tt.want)
			}
			for _, e := range got {
				if e.Withdrawn {
					t.Errorf("Baseline(%q) lists withdrawn %s", tt.baseline, e.ID)
				}
			}
		})
	}
	if _, err := c.Baseline("EXTREME"); !errors.Is(err, catalog.ErrUnknownBaseline) || !strings.Contains(err.Error(), "EXTREME") {
		t.Errorf("Baseline(EXTREME) error = %v, want ErrUnknownBaseline naming it", err)
	}

	in := []struct {
		id, baseline string
		want         bool
	}{
		{"AC-2", "LOW", true},
		{"AC-2(1)", "LOW", false},
		{"AC-2(1)", "moderate", true},
		{"SC-28(1)", "HIGH", true},
		{"SI-2(7)", "HIGH", false}, // added in 5.2.0, in no baseline
		{"AC-13", "LOW", false},    // withdrawn
		{"ac-2", "LOW", false},     // not canonical
		{"AC-2", "EXTREME", false},
	}
	for _, tt := range in {
		if got := c.InBaseline(tt.id, tt.baseline); got != tt.want {
			t.Errorf("InBaseline(%q, %q) = %v, want %v", tt.id, tt.baseline, got, tt.want)
		}
	}
}

func TestLookupAndTitle(t *testing.T) {
	c := newCatalog(t)
	titles := []struct {
		framework, id, want string
	}{
		{model.FrameworkSOC2, "CC6.1", "Logical access security"},
		{model.FrameworkISO27001, "A.8.24", "Use of cryptography"},
		{model.FrameworkNISTCSF, "PR.DS-01", "The confidentiality, integrity, and availability of data-at-rest are protected"},
		{model.FrameworkNIST80053, "SC-28", "Protection of Information at Rest"},
		{model.FrameworkNIST80053, "AC-6(9)", "Log Use of Privileged Functions"},
		{catalog.FrameworkISO27001_2013, "A.12.4.1", "Event logging"},
		{model.FrameworkNIST80053, "ac-6(9)", ""}, // Lookup wants canonical IDs
		{model.FrameworkSOC2, "CC10.1", ""},
		{"nope", "CC6.1", ""},
	}
	for _, tt := range titles {
		if got := c.Title(tt.framework, tt.id); got != tt.want {
			t.Errorf("Title(%q, %q) = %q, want %q", tt.framework, tt.id, got, tt.want)
		}
	}

	e, ok := c.Lookup(model.FrameworkNIST80053, "AC-6(9)")
	if !ok || e.Kind != catalog.KindEnhancement || e.Parent != "AC-6" || e.Family != "AC" || e.FamilyName != "Access Control" ||
		!slices.Equal(e.Baselines, []string{"MODERATE", "HIGH"}) {
		t.Errorf("Lookup AC-6(9) = %+v", e)
	}
	w, ok := c.Lookup(model.FrameworkNIST80053, "AC-13")
	if !ok || !w.Withdrawn || !slices.Equal(w.WithdrawnTo, []string{"AC-2", "AU-6"}) || w.Relation != catalog.RelationIncorporated {
		t.Errorf("Lookup AC-13 = %+v", w)
	}
	sa, _ := c.Lookup(model.FrameworkNIST80053, "SA-12")
	if !slices.Equal(sa.WithdrawnTo, []string{"SR"}) {
		t.Errorf("SA-12 WithdrawnTo = %v, want [SR] (whole family)", sa.WithdrawnTo)
	}
	iso, _ := c.Lookup(model.FrameworkISO27001, "A.8.24")
	if !slices.Equal(iso.ISO2013IDs, []string{"A.10.1.1", "A.10.1.2"}) || iso.Theme != "8" {
		t.Errorf("Lookup A.8.24 = %+v", iso)
	}
	old, _ := c.Lookup(catalog.FrameworkNISTCSF11, "PR.PT-1")
	if !old.Withdrawn || !slices.Equal(old.WithdrawnTo, []string{"PR.PS-04"}) {
		t.Errorf("Lookup CSF 1.1 PR.PT-1 = %+v", old)
	}

	// The catalog hands out copies: changing them changes nothing.
	w.WithdrawnTo[0] = "XX-1"
	all := c.All(model.FrameworkNIST80053)
	all[0].ID = "changed"
	if again, _ := c.Lookup(model.FrameworkNIST80053, "AC-13"); again.WithdrawnTo[0] != "AC-2" {
		t.Errorf("catalog changed through a returned slice: %v", again.WithdrawnTo)
	}
	if c.All(model.FrameworkNIST80053)[0].ID != "AC-1" {
		t.Error("catalog changed through All")
	}
}

func TestValidate(t *testing.T) {
	c := newCatalog(t)
	tests := []struct {
		name      string
		framework string
		id        string
		kind      error    // nil: valid
		contains  []string // substrings of the message
		sugg      []string // ControlError.Suggestions
	}{
		{"soc2 valid", model.FrameworkSOC2, "CC6.1", nil, nil, nil},
		{"soc2 privacy", model.FrameworkSOC2, "P4.3", nil, nil, nil},
		{"iso valid", model.FrameworkISO27001, "A.8.24", nil, nil, nil},
		{"csf valid", model.FrameworkNISTCSF, "PR.DS-01", nil, nil, nil},
		{"800-53 control", model.FrameworkNIST80053, "SC-28", nil, nil, nil},
		{"800-53 enhancement", model.FrameworkNIST80053, "AC-6(9)", nil, nil, nil},
		{"800-53 added in 5.2.0", model.FrameworkNIST80053, "SI-2(7)", nil, nil, nil},

		{"soc2 lower case", model.FrameworkSOC2, "cc6.1", catalog.ErrNonCanonical, []string{"write CC6.1"}, []string{"CC6.1"}},
		{"soc2 unknown in series", model.FrameworkSOC2, "CC6.9", catalog.ErrUnknownControl, []string{"CC6.8"}, nil},
		{"soc2 series", model.FrameworkSOC2, "CC6", catalog.ErrUnknownControl, []string{"CC6 series", "CC6.1"}, nil},
		{"soc2 empty", model.FrameworkSOC2, " ", catalog.ErrUnknownControl, []string{"empty"}, nil},
		{"csf id under soc2", model.FrameworkSOC2, "PR.DS-01", catalog.ErrUnknownControl, []string{`under "nist_csf_2"`}, nil},

		{"iso 27002 numbering", model.FrameworkISO27001, "8.24", catalog.ErrNonCanonical, []string{"write A.8.24"}, []string{"A.8.24"}},
		{"iso unknown", model.FrameworkISO27001, "A.8.35", catalog.ErrUnknownControl, []string{"A.8 has: A.8.1,"}, nil},
		{"iso 2013 id", model.FrameworkISO27001, "A.9.4.2", catalog.ErrWithdrawn, []string{"ISO/IEC 27001:2013", "A.8.5"}, []string{"A.8.5"}},
		{"iso 2013 split", model.FrameworkISO27001, "A.18.2.3", catalog.ErrWithdrawn, []string{"A.5.36, A.8.8"}, []string{"A.5.36", "A.8.8"}},

		{"csf 1.1 spelling", model.FrameworkNISTCSF, "PR.DS-1", catalog.ErrNonCanonical, []string{"write PR.DS-01"}, []string{"PR.DS-01"}},
		{"csf lower case", model.FrameworkNISTCSF, "pr.ds-01", catalog.ErrNonCanonical, []string{"PR.DS-01"}, []string{"PR.DS-01"}},
		{"csf withdrawn", model.FrameworkNISTCSF, "PR.AC-01", catalog.ErrWithdrawn, []string{"incorporated into PR.AA-01, PR.AA-05"}, []string{"PR.AA-01", "PR.AA-05"}},
		{"csf withdrawn 1.1 spelling", model.FrameworkNISTCSF, "PR.PT-1", catalog.ErrWithdrawn, []string{"PR.PT-01", "PR.PS-04"}, []string{"PR.PS-04"}},
		{"csf withdrawn to category", model.FrameworkNISTCSF, "DE.DP-02", catalog.ErrWithdrawn, []string{"DE.AE (category)", "DE.AE-02"}, nil},
		{"csf withdrawn category", model.FrameworkNISTCSF, "PR.IP", catalog.ErrWithdrawn, []string{"other Categories and Functions"}, nil},
		{"csf category", model.FrameworkNISTCSF, "PR.DS", catalog.ErrNotAssessable, []string{"category", "PR.DS-01, PR.DS-02, PR.DS-10, PR.DS-11"}, []string{"PR.DS-01", "PR.DS-02", "PR.DS-10", "PR.DS-11"}},
		{"csf function", model.FrameworkNISTCSF, "PR", catalog.ErrNotAssessable, []string{"function", "PR.AA"}, nil},
		{"csf unknown", model.FrameworkNISTCSF, "PR.DS-12", catalog.ErrUnknownControl, []string{"PR.DS-11"}, nil},

		{"800-53 withdrawn", model.FrameworkNIST80053, "AC-13", catalog.ErrWithdrawn, []string{"incorporated into AC-2, AU-6"}, []string{"AC-2", "AU-6"}},
		{"800-53 moved", model.FrameworkNIST80053, "AC-2(10)", catalog.ErrWithdrawn, []string{"AC-2"}, []string{"AC-2"}},
		{"800-53 withdrawn, no successor", model.FrameworkNIST80053, "SC-19", catalog.ErrWithdrawn, []string{"without a replacement"}, nil},
		{"800-53 withdrawn into family", model.FrameworkNIST80053, "SA-12", catalog.ErrWithdrawn, []string{"SR family (Supply Chain Risk Management)"}, nil},
		{"800-53 zero padded", model.FrameworkNIST80053, "AC-02(01)", catalog.ErrNonCanonical, []string{"write AC-2(1)"}, []string{"AC-2(1)"}},
		{"800-53 OSCAL form", model.FrameworkNIST80053, "ac-2.1", catalog.ErrNonCanonical, []string{"AC-2(1)"}, []string{"AC-2(1)"}},
		{"800-53 spaced", model.FrameworkNIST80053, "AC-2 (1)", catalog.ErrNonCanonical, []string{"AC-2(1)"}, []string{"AC-2(1)"}},
		{"800-53 unknown enhancement", model.FrameworkNIST80053, "AC-6(99)", catalog.ErrUnknownControl, []string{"AC-6(10)"}, nil},
		{"800-53 family", model.FrameworkNIST80053, "AC", catalog.ErrUnknownControl, []string{"Access Control", "AC-1"}, nil},
		{"800-53 garbage", model.FrameworkNIST80053, "bogus", catalog.ErrUnknownControl, []string{"AC-6(9)"}, nil},

		{"short key", "iso27001", "A.8.24", catalog.ErrUnknownFramework, []string{`did you mean "iso27001_2022"`}, nil},
		{"superseded key", catalog.FrameworkNISTCSF11, "PR.DS-1", catalog.ErrUnknownFramework, []string{"superseded", "nist_csf_2"}, nil},
		{"unknown key", "pci_dss", "1.1", catalog.ErrUnknownFramework, []string{`"pci_dss"`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := c.Validate(tt.framework, tt.id)
			if tt.kind == nil {
				if err != nil {
					t.Fatalf("Validate(%q, %q) = %v, want nil", tt.framework, tt.id, err)
				}
				return
			}
			if !errors.Is(err, tt.kind) {
				t.Fatalf("Validate(%q, %q) = %v, want %v", tt.framework, tt.id, err, tt.kind)
			}
			msg := err.Error()
			for _, s := range tt.contains {
				if !strings.Contains(msg, s) {
					t.Errorf("message %q lacks %q", msg, s)
				}
			}
			var ce *catalog.ControlError
			if !errors.As(err, &ce) {
				t.Fatalf("%T is not a *ControlError", err)
			}
			if ce.Framework != tt.framework {
				t.Errorf("Framework = %q, want %q", ce.Framework, tt.framework)
			}
			if tt.kind != catalog.ErrUnknownFramework && (ce.ID != tt.id || !strings.Contains(msg, tt.framework)) {
				t.Errorf("error %q does not name the framework %q and ID %q (ID field %q)", msg, tt.framework, tt.id, ce.ID)
			}
			if !slices.Equal(ce.Suggestions, tt.sugg) {
				t.Errorf("Suggestions = %v, want %v", ce.Suggestions, tt.sugg)
			}
		})
	}
}

func TestValidateControls(t *testing.T) {
	c := newCatalog(t)
	valid := func() model.Controls {
		return model.Controls{
			model.FrameworkSOC2:      {"CC6.1", "CC6.7"},
			model.FrameworkISO27001:  {"A.8.24"},
			model.FrameworkNISTCSF:   {"PR.DS-01"},
			model.FrameworkNIST80053: {"SC-28", "SC-28(1)"},
		}
	}
	type want struct {
		kind     error
		contains string
	}
	tests := []struct {
		name   string
		change func(model.Controls)
		want   []want // in order
	}{
		{"valid", func(model.Controls) {}, nil},
		{"missing framework", func(m model.Controls) { delete(m, model.FrameworkISO27001) },
			[]want{{catalog.ErrMissingFramework, `"iso27001_2022": missing`}}},
		{"empty framework", func(m model.Controls) { m[model.FrameworkNISTCSF] = nil },
			[]want{{catalog.ErrMissingFramework, `"nist_csf_2": empty`}}},
		{"all missing", func(m model.Controls) { clear(m) }, []want{
			{catalog.ErrMissingFramework, "soc2"}, {catalog.ErrMissingFramework, "iso27001_2022"},
			{catalog.ErrMissingFramework, "nist_csf_2"}, {catalog.ErrMissingFramework, "nist_800_53r5"},
		}},
		{"extra keys", func(m model.Controls) {
			m["pci"] = []string{"1"}
			m[catalog.FrameworkISO27001_2013] = []string{"A.9.4.2"}
		}, []want{
			{catalog.ErrUnknownFramework, `"iso27001_2013"`}, {catalog.ErrUnknownFramework, `"pci"`},
		}},
		{"duplicate", func(m model.Controls) { m[model.FrameworkSOC2] = []string{"CC6.1", "CC6.1"} },
			[]want{{catalog.ErrDuplicate, `soc2 "CC6.1": listed twice`}}},
		{"bad ids in order", func(m model.Controls) {
			m[model.FrameworkNIST80053] = []string{"AC-13", "SC-28", "ZZ-9"}
			m[model.FrameworkSOC2] = []string{"cc6.1"}
		}, []want{
			{catalog.ErrNonCanonical, `soc2 "cc6.1"`},
			{catalog.ErrWithdrawn, `nist_800_53r5 "AC-13"`},
			{catalog.ErrUnknownControl, `nist_800_53r5 "ZZ-9"`},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := valid()
			tt.change(m)
			errs := c.ValidateControls(m)
			if len(errs) != len(tt.want) {
				t.Fatalf("ValidateControls: %d errors %v, want %d", len(errs), errs, len(tt.want))
			}
			for i, w := range tt.want {
				if !errors.Is(errs[i], w.kind) || !strings.Contains(errs[i].Error(), w.contains) {
					t.Errorf("error %d = %v, want %v containing %q", i, errs[i], w.kind, w.contains)
				}
			}
		})
	}
}

func TestNormalize(t *testing.T) {
	c := newCatalog(t)
	tests := []struct {
		name      string
		framework string
		id        string
		wantKey   string
		want      []string
		kind      error
		contains  string
	}{
		{"current id", model.FrameworkNIST80053, "SC-28", model.FrameworkNIST80053, []string{"SC-28"}, nil, ""},
		{"spelling fixed", model.FrameworkNIST80053, "sc-28.01", model.FrameworkNIST80053, []string{"SC-28(1)"}, nil, ""},
		{"800-53 withdrawn", model.FrameworkNIST80053, "AC-13", model.FrameworkNIST80053, []string{"AC-2", "AU-6"}, nil, ""},
		{"800-53 withdrawn, successors sorted", model.FrameworkNIST80053, "AC-3(6)", model.FrameworkNIST80053, []string{"MP-4", "SC-28"}, nil, ""},
		{"800-53 no successor", model.FrameworkNIST80053, "SC-19", "", nil, catalog.ErrWithdrawn, "without a replacement"},
		{"800-53 family successor", model.FrameworkNIST80053, "SA-12", "", nil, catalog.ErrWithdrawn, "SR family"},
		{"iso 2013", catalog.FrameworkISO27001_2013, "A.12.4.1", model.FrameworkISO27001, []string{"A.8.15"}, nil, ""},
		{"iso 2013 split", catalog.FrameworkISO27001_2013, "A.18.2.3", model.FrameworkISO27001, []string{"A.5.36", "A.8.8"}, nil, ""},
		{"iso 2013 spelling", catalog.FrameworkISO27001_2013, "10.1.1", model.FrameworkISO27001, []string{"A.8.24"}, nil, ""},
		{"iso 2013 id under 2022 key", model.FrameworkISO27001, "A.10.1.2", model.FrameworkISO27001, []string{"A.8.24"}, nil, ""},
		{"iso 2013 objective", catalog.FrameworkISO27001_2013, "A.9.4", "", nil, catalog.ErrUnknownControl, "A.9.4.1"},
		{"iso 2022 id under 2013 key", catalog.FrameworkISO27001_2013, "A.8.24", "", nil, catalog.ErrUnknownControl, `under "iso27001_2022"`},
		{"csf 1.1 retained", catalog.FrameworkNISTCSF11, "PR.DS-1", model.FrameworkNISTCSF, []string{"PR.DS-01"}, nil, ""},
		{"csf 1.1 incorporated", catalog.FrameworkNISTCSF11, "PR.AC-1", model.FrameworkNISTCSF, []string{"PR.AA-01", "PR.AA-05"}, nil, ""},
		{"csf 1.1 moved", catalog.FrameworkNISTCSF11, "PR.PT-1", model.FrameworkNISTCSF, []string{"PR.PS-04"}, nil, ""},
		{"csf 1.1 to category and subcategories", catalog.FrameworkNISTCSF11, "ID.GV-1", model.FrameworkNISTCSF, []string{"GV.PO-01", "GV.PO-02"}, nil, ""},
		{"csf 1.1 padded spelling", catalog.FrameworkNISTCSF11, "PR.AC-01", model.FrameworkNISTCSF, []string{"PR.AA-01", "PR.AA-05"}, nil, ""},
		{"csf 1.1 id under 2.0 key", model.FrameworkNISTCSF, "DE.CM-7", model.FrameworkNISTCSF, []string{"DE.CM-01", "DE.CM-03", "DE.CM-06", "DE.CM-09"}, nil, ""},
		{"csf 1.1 into a category only", catalog.FrameworkNISTCSF11, "DE.DP-2", "", nil, catalog.ErrWithdrawn, "DE.AE-02"},
		{"csf 1.1 category", catalog.FrameworkNISTCSF11, "PR.DS", "", nil, catalog.ErrWithdrawn, "PR.DS-01"},
		{"csf 2.0 category", model.FrameworkNISTCSF, "PR.DS", "", nil, catalog.ErrNotAssessable, "PR.DS-11"},
		{"unknown id", model.FrameworkSOC2, "CC42.1", "", nil, catalog.ErrUnknownControl, "CC42.1"},
		{"unknown key", "csf", "PR.DS-01", "", nil, catalog.ErrUnknownFramework, `did you mean "nist_csf_2"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			key, got, err := c.Normalize(tt.framework, tt.id)
			if tt.kind != nil {
				if !errors.Is(err, tt.kind) || !strings.Contains(err.Error(), tt.contains) {
					t.Fatalf("Normalize(%q, %q) error = %v, want %v containing %q", tt.framework, tt.id, err, tt.kind, tt.contains)
				}
				return
			}
			if err != nil {
				t.Fatalf("Normalize(%q, %q): %v", tt.framework, tt.id, err)
			}
			if key != tt.wantKey || !slices.Equal(got, tt.want) {
				t.Errorf("Normalize(%q, %q) = %s %v, want %s %v", tt.framework, tt.id, key, got, tt.wantKey, tt.want)
			}
			for _, id := range got {
				if err := c.Validate(key, id); err != nil {
					t.Errorf("normalized ID fails Validate: %v", err)
				}
			}
		})
	}
}

func TestNormalizeControls(t *testing.T) {
	c := newCatalog(t)
	tests := []struct {
		name string
		in   model.Controls
		want model.Controls
		errs []string // substrings, in order
	}{
		{
			name: "aliases merged, deduplicated, sorted in catalog order",
			in: model.Controls{
				catalog.FrameworkISO27001_2013: {"A.12.4.3", "A.12.4.1", "A.10.1.1"},
				model.FrameworkISO27001:        {"A.8.24", "A.5.1"},
				catalog.FrameworkNISTCSF11:     {"PR.AC-1", "PR.DS-1"},
				model.FrameworkNISTCSF:         {"PR.AA-01"},
				model.FrameworkNIST80053:       {"AC-10", "AC-13", "AC-2"},
				model.FrameworkSOC2:            {"cc6.1"},
			},
			want: model.Controls{
				model.FrameworkSOC2:      {"CC6.1"},
				model.FrameworkISO27001:  {"A.5.1", "A.8.15", "A.8.24"},
				model.FrameworkNISTCSF:   {"PR.AA-01", "PR.AA-05", "PR.DS-01"},
				model.FrameworkNIST80053: {"AC-2", "AC-10", "AU-6"},
			},
		},
		{
			name: "user rules may name fewer frameworks",
			in:   model.Controls{model.FrameworkNIST80053: {"SC-28"}, model.FrameworkSOC2: {}},
			want: model.Controls{model.FrameworkNIST80053: {"SC-28"}},
		},
		{
			name: "bad entries reported and left out",
			in: model.Controls{
				"zzz":                      {"1"},
				"iso27001":                 {"A.8.24"},
				model.FrameworkNIST80053:   {"SC-19", "SC-28"},
				catalog.FrameworkNISTCSF11: {"DE.DP-2"},
				model.FrameworkSOC2:        {"CC99.1"},
			},
			want: model.Controls{model.FrameworkNIST80053: {"SC-28"}},
			errs: []string{`soc2 "CC99.1"`, `nist_800_53r5 "SC-19"`, `nist_csf_1_1 "DE.DP-2"`, `"iso27001"`, `"zzz"`},
		},
		{
			name: "empty",
			in:   nil,
			want: model.Controls{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, errs := c.NormalizeControls(tt.in)
			if len(got) != len(tt.want) {
				t.Errorf("NormalizeControls = %v, want %v", got, tt.want)
			}
			for k, v := range tt.want {
				if !slices.Equal(got[k], v) {
					t.Errorf("%s: %v, want %v", k, got[k], v)
				}
			}
			if len(errs) != len(tt.errs) {
				t.Fatalf("errors %v, want %d", errs, len(tt.errs))
			}
			for i, s := range tt.errs {
				if !strings.Contains(errs[i].Error(), s) {
					t.Errorf("error %d = %q, want it to contain %q", i, errs[i], s)
				}
			}
		})
	}
}

func TestDisplayName(t *testing.T) {
	tests := []struct{ key, want string }{
		{model.FrameworkSOC2, "SOC 2"},
		{model.FrameworkISO27001, "ISO/IEC 27001:2022"},
		{model.FrameworkNISTCSF, "NIST CSF 2.0"},
		{model.FrameworkNIST80053, "NIST SP 800-53 Rev. 5"},
		{catalog.FrameworkISO27001_2013, "ISO/IEC 27001:2013"},
		{catalog.FrameworkNISTCSF11, "NIST CSF 1.1"},
		{"other", "other"},
	}
	for _, tt := range tests {
		if got := catalog.DisplayName(tt.key); got != tt.want {
			t.Errorf("DisplayName(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
}

func TestCrosswalkCSFTo80053(t *testing.T) {
	c := newCatalog(t)
	tests := []struct {
		csf        string
		has, lacks []string
		n          int
	}{
		// The NIST workbook names withdrawn RA-4 here; the Reference Tool's RA-3 is kept.
		{"DE.AE-06", []string{"RA-3", "IR-4"}, []string{"RA-4"}, 5},
		{"GV.OC-03", []string{"PT", "AC-1"}, nil, 22},
		{"RS.MA", []string{}, nil, -1}, // a category with references
		{"PR.DS", nil, nil, 0},
		{"XX.YY-01", nil, nil, 0},
	}
	total := 0
	for _, e := range c.All(model.FrameworkNISTCSF) {
		total += len(c.CrosswalkCSFTo80053(e.ID))
	}
	if total != 740 {
		t.Errorf("crosswalk has %d pairs, want 740", total)
	}
	for _, tt := range tests {
		got := c.CrosswalkCSFTo80053(tt.csf)
		if tt.n >= 0 && len(got) != tt.n {
			t.Errorf("CrosswalkCSFTo80053(%q) = %v, want %d items", tt.csf, got, tt.n)
		}
		if tt.n < 0 && len(got) == 0 {
			t.Errorf("CrosswalkCSFTo80053(%q) is empty", tt.csf)
		}
		for _, id := range tt.has {
			if !slices.Contains(got, id) {
				t.Errorf("CrosswalkCSFTo80053(%q) = %v, lacks %s", tt.csf, got, id)
			}
		}
		for _, id := range tt.lacks {
			if slices.Contains(got, id) {
				t.Errorf("CrosswalkCSFTo80053(%q) = %v, has %s", tt.csf, got, id)
			}
		}
	}
	if got := c.FamilyName("SR"); got != "Supply Chain Risk Management" {
		t.Errorf("FamilyName(SR) = %q", got)
	}
	if got := c.FamilyName("ZZ"); got != "" {
		t.Errorf("FamilyName(ZZ) = %q", got)
	}
}
