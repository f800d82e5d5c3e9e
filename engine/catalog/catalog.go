// Package catalog embeds the control catalogs gate maps its rules to — SOC 2
// (TSC 2017), ISO/IEC 27001:2022 Annex A, NIST CSF 2.0 and NIST SP 800-53
// Rev. 5 — together with the superseded versions that user rules may still
// cite (ISO/IEC 27001:2013, NIST CSF 1.1) and the crosswalks between them.
//
// It validates the control IDs rules name (unknown, misspelt, withdrawn and
// non-canonical IDs are errors that name the fix), maps superseded IDs to
// their current successors, and lists the controls of each framework for
// coverage reports. The data lives in data/ (see data/PROVENANCE.md); SOC 2
// and ISO entries carry identifiers and short names only.
//
// New parses the embedded data once; the *Catalog it returns is immutable
// (every slice it hands out is a copy) and safe for concurrent use.
package catalog

import (
	"fmt"
	"slices"
	"strings"

	"github.com/gatehq/gate/engine/model"
)

// Superseded framework keys. They are accepted only as input aliases by
// Normalize and NormalizeControls (for user rules) and by Lookup, Title and
// All; Validate and ValidateControls reject them.
const (
	FrameworkISO27001_2013 = "iso27001_2013"
	FrameworkNISTCSF11     = "nist_csf_1_1"
)

// Kinds of catalog entries (Control.Kind).
const (
	KindCriterion   = "criterion"   // SOC 2
	KindControl     = "control"     // ISO 27001 Annex A; SP 800-53 base control
	KindEnhancement = "enhancement" // SP 800-53 control enhancement, e.g. AC-6(9)
	KindFunction    = "function"    // CSF, e.g. PR
	KindCategory    = "category"    // CSF, e.g. PR.DS
	KindSubcategory = "subcategory" // CSF, e.g. PR.DS-01
)

// SP 800-53B baselines (Control.Baselines, Baseline, InBaseline).
const (
	BaselineLow      = "LOW"
	BaselineModerate = "MODERATE"
	BaselineHigh     = "HIGH"
	BaselinePrivacy  = "PRIVACY"
)

// Relations between a withdrawn or superseded entry and its successors
// (Control.Relation, Resolution.Relation).
const (
	RelationRetained     = "retained_id"       // CSF 1.1 element kept in 2.0 (renumbered PR.DS-1 → PR.DS-01)
	RelationMovedTo      = "moved_to"          // moved unchanged to the successor
	RelationIncorporated = "incorporated_into" // folded into the successor(s)
	RelationCorresponds  = "corresponds_to"    // ISO/IEC 27002:2022 Annex B correspondence (2013 → 2022)
)

// Control is one entry of a catalog.
type Control struct {
	Framework string // framework key: model.Framework* or FrameworkISO27001_2013 / FrameworkNISTCSF11
	ID        string // canonical ID: CC6.1, A.8.24, PR.DS-01, AC-6(9)
	Title     string // short title (SOC 2: our own words; CSF subcategory: the outcome statement)
	Kind      string // Kind* constant

	// Withdrawn is true for IDs that are not valid in the current framework:
	// SP 800-53 withdrawn controls, CSF 2.0's re-keyed CSF 1.1 elements
	// (PR.AC-07), and every entry of a superseded framework (ISO 2013, CSF 1.1).
	Withdrawn bool
	// WithdrawnTo names the successors of a withdrawn entry (may be empty:
	// SC-19 was withdrawn without replacement). SP 800-53 successors may be a
	// whole family ("SR"); CSF successors may be categories.
	WithdrawnTo []string
	Relation    string // Relation* constant for withdrawn entries ("" if unknown)
	Note        string // extra withdrawal detail ("other Protect Categories")

	// Parent is the enclosing entry: CSF subcategory → category → function;
	// SP 800-53 enhancement → base control; ISO 2013 control → objective (A.9.4).
	Parent string

	// SOC 2.
	Series        string // CC6, A1, PI1, P4
	SeriesName    string // "Logical and Physical Access Controls"
	Category      string // security | availability | confidentiality | processing_integrity | privacy
	COSOPrinciple int    // CC1–CC5 only: COSO 2013 principle number

	// ISO/IEC 27001:2022 (Theme "5".."8": organizational, people, physical,
	// technological) and ISO/IEC 27001:2013 (Theme is the domain "A.9").
	Theme      string
	ThemeName  string
	NewIn2022  bool
	ISO2013IDs []string // ISO 2022 only: the 2013 predecessors

	// NIST CSF.
	Function string // GV, ID, PR, DE, RS, RC

	// NIST SP 800-53 Rev. 5.
	Family     string   // AC
	FamilyName string   // Access Control
	Baselines  []string // subset of LOW, MODERATE, HIGH, PRIVACY
	AddedIn    string   // "5.1.1" / "5.2.0" for controls absent from 5.0.1
}

func (c Control) clone() Control {
	c.WithdrawnTo = slices.Clone(c.WithdrawnTo)
	c.Baselines = slices.Clone(c.Baselines)
	c.ISO2013IDs = slices.Clone(c.ISO2013IDs)
	return c
}

// coverageUnit reports whether a rule may name the entry and whether it
// counts in Controls, the denominator of a coverage report: active, and
// not a CSF function or category (too broad to evidence).
func (c *Control) coverageUnit() bool {
	return !c.Withdrawn && c.Kind != KindFunction && c.Kind != KindCategory
}

// DisplayName is the user-facing name of a framework key; an unknown key is
// returned unchanged.
func DisplayName(framework string) string {
	switch framework {
	case model.FrameworkSOC2:
		return "SOC 2"
	case model.FrameworkISO27001:
		return "ISO/IEC 27001:2022"
	case model.FrameworkNISTCSF:
		return "NIST CSF 2.0"
	case model.FrameworkNIST80053:
		return "NIST SP 800-53 Rev. 5"
	case FrameworkISO27001_2013:
		return "ISO/IEC 27001:2013"
	case FrameworkNISTCSF11:
		return "NIST CSF 1.1"
	}
	return framework
}

// fwData is one loaded catalog.
type fwData struct {
	key     string
	entries []Control      // catalog order
	index   map[string]int // canonical ID → position in entries
	// groups maps a group key to the IDs a rule could name in that group, in
	// catalog order, for "did you mean" hints: the SOC 2 series ("CC6"), the
	// ISO 2022 theme ("A.8") or 2013 objective ("A.9.4"), the CSF category
	// ("PR.DS"), the SP 800-53 family ("AC") or base control ("AC-6").
	groups map[string][]string
	// canon rewrites an ID in this framework's spelling (case, zero
	// padding, separators); ok is false when the ID does not parse at all.
	canon func(id string) (canonical string, ok bool)
}

func (f *fwData) get(id string) (*Control, bool) {
	i, ok := f.index[id]
	if !ok {
		return nil, false
	}
	return &f.entries[i], true
}

// resolve finds the entry for id as written or, failing that, for its
// canonical spelling. exact reports that id was already canonical.
func (f *fwData) resolve(id string) (e *Control, exact bool) {
	if e, ok := f.get(id); ok {
		return e, true
	}
	if c, ok := f.canon(id); ok {
		if e, ok := f.get(c); ok {
			return e, false
		}
	}
	return nil, false
}

// children lists the active entries whose parent is id (CSF category →
// subcategories, function → categories), in catalog order.
func (f *fwData) children(id string) []string {
	var out []string
	for i := range f.entries {
		if e := &f.entries[i]; e.Parent == id && !e.Withdrawn {
			out = append(out, e.ID)
		}
	}
	return out
}

// Catalog holds every embedded catalog and crosswalk. It is immutable and
// safe for concurrent use; build it once with New.
type Catalog struct {
	fw         map[string]*fwData
	families   map[string]string   // SP 800-53 family code → name
	csfTo80053 map[string][]string // CSF 2.0 element → SP 800-53 items
}

func (c *Catalog) framework(key string) (*fwData, bool) {
	f, ok := c.fw[key]
	return f, ok
}

// current reports whether key is one of the four current framework keys.
func current(key string) bool {
	return slices.Contains(model.Frameworks(), key)
}

// supersededBy maps a superseded framework key to its current successor.
func supersededBy(key string) (string, bool) {
	switch key {
	case FrameworkISO27001_2013:
		return model.FrameworkISO27001, true
	case FrameworkNISTCSF11:
		return model.FrameworkNISTCSF, true
	}
	return "", false
}

// supersedes maps a current framework key to the superseded one it replaced.
func supersedes(key string) (string, bool) {
	switch key {
	case model.FrameworkISO27001:
		return FrameworkISO27001_2013, true
	case model.FrameworkNISTCSF:
		return FrameworkNISTCSF11, true
	}
	return "", false
}

// allKeys lists every framework key the catalog holds: the current ones in
// canonical order, then the superseded ones.
func allKeys() []string {
	return append(model.Frameworks(), FrameworkISO27001_2013, FrameworkNISTCSF11)
}

// Lookup returns the entry with exactly this ID (canonical form, any status,
// including withdrawn ones and CSF functions/categories). Superseded
// framework keys (FrameworkISO27001_2013, FrameworkNISTCSF11) are accepted.
func (c *Catalog) Lookup(framework, id string) (Control, bool) {
	f, ok := c.framework(framework)
	if !ok {
		return Control{}, false
	}
	e, ok := f.get(id)
	if !ok {
		return Control{}, false
	}
	return e.clone(), true
}

// Title is the short title of an entry, or "" when there is none.
func (c *Catalog) Title(framework, id string) string {
	e, ok := c.Lookup(framework, id)
	if !ok {
		return ""
	}
	return e.Title
}

// Controls lists the active controls of a current framework in catalog
// order: the denominator of a coverage report. These are the 61 SOC 2
// criteria, the 93 ISO/IEC 27001:2022 Annex A controls, the 106 CSF 2.0
// subcategories (no functions or categories) and the 1,014 active SP 800-53
// controls and enhancements (see Baseline for a smaller denominator).
// It returns nil for a superseded or unknown framework key.
func (c *Catalog) Controls(framework string) []Control {
	f, ok := c.framework(framework)
	if !ok || !current(framework) {
		return nil
	}
	var out []Control
	for i := range f.entries {
		if f.entries[i].coverageUnit() {
			out = append(out, f.entries[i].clone())
		}
	}
	return out
}

// All lists every entry of a framework in catalog order, withdrawn ones and
// CSF functions and categories included; nil for an unknown key.
func (c *Catalog) All(framework string) []Control {
	f, ok := c.framework(framework)
	if !ok {
		return nil
	}
	out := make([]Control, len(f.entries))
	for i := range f.entries {
		out[i] = f.entries[i].clone()
	}
	return out
}

// Baseline lists the active SP 800-53 controls and enhancements selected by
// an SP 800-53B baseline (LOW, MODERATE, HIGH or PRIVACY; any case), in
// catalog order.
func (c *Catalog) Baseline(baseline string) ([]Control, error) {
	b, err := parseBaseline(baseline)
	if err != nil {
		return nil, err
	}
	f := c.fw[model.FrameworkNIST80053]
	var out []Control
	for i := range f.entries {
		e := &f.entries[i]
		if !e.Withdrawn && slices.Contains(e.Baselines, b) {
			out = append(out, e.clone())
		}
	}
	return out, nil
}

// InBaseline reports whether the SP 800-53 control or enhancement id (canonical
// form) is selected by the baseline (any case). Unknown IDs and baselines
// report false.
func (c *Catalog) InBaseline(id, baseline string) bool {
	b, err := parseBaseline(baseline)
	if err != nil {
		return false
	}
	e, ok := c.fw[model.FrameworkNIST80053].get(id)
	return ok && !e.Withdrawn && slices.Contains(e.Baselines, b)
}

func parseBaseline(s string) (string, error) {
	switch b := strings.ToUpper(strings.TrimSpace(s)); b {
	case BaselineLow, BaselineModerate, BaselineHigh, BaselinePrivacy:
		return b, nil
	}
	return "", &ControlError{
		Framework: model.FrameworkNIST80053, ID: s, Kind: ErrUnknownBaseline,
		msg: fmt.Sprintf("unknown SP 800-53B baseline %q (want LOW, MODERATE, HIGH or PRIVACY)", s),
	}
}

// CrosswalkCSFTo80053 lists the SP 800-53 Rev. 5 items NIST gives as
// informative references for a CSF 2.0 subcategory or category (concept
// crosswalk: they help achieve the outcome; not equivalence). Items are
// controls or enhancements in canonical form, or occasionally a whole family
// ("PT"). Nil when the CSF element has no references or is unknown.
func (c *Catalog) CrosswalkCSFTo80053(csfID string) []string {
	return slices.Clone(c.csfTo80053[csfID])
}

// FamilyName is the name of an SP 800-53 family ("AC" → "Access Control"),
// or "" for an unknown code.
func (c *Catalog) FamilyName(family string) string {
	return c.families[family]
}
