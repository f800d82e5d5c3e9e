package catalog

import (
	"slices"

	"github.com/gatehq/gate/engine/model"
)

// Normalize maps one control ID of a user rule to current IDs. It is more
// lenient than Validate: framework may also be a superseded key
// (FrameworkISO27001_2013, FrameworkNISTCSF11); spelling is fixed silently
// (case, zero padding: "pr.ds-1" → PR.DS-01); ISO/IEC 27001:2013 IDs under
// the 2022 key and CSF 1.1 IDs under the 2.0 key are recognised; and
// withdrawn or superseded IDs are replaced by their assessable successors
// (ISO 2013 → 2022 per ISO/IEC 27002:2022 Annex B, CSF 1.1 → 2.0 per the
// NIST lineage, SP 800-53 withdrawn → incorporated-into/moved-to).
//
// It returns the current framework key and the IDs (one or more, catalog
// order). It fails for an unknown key or ID, for a CSF function or
// category, and for a withdrawn ID without an assessable successor (SP
// 800-53 SC-19; SA-12, folded into a whole family; CSF 1.1 DE.DP-2, folded
// into a category).
func (c *Catalog) Normalize(framework, id string) (string, []string, error) {
	f, ok := c.framework(framework)
	if !ok {
		return "", nil, keyError(framework, true)
	}
	target := targetOf(framework)
	e, _ := f.resolve(id)
	if e == nil {
		if old, ok := supersedes(framework); ok {
			e, _ = c.fw[old].resolve(id)
		}
	}
	switch {
	case e == nil:
		return "", nil, c.unknown(framework, id)
	case !e.Withdrawn && !e.coverageUnit():
		return "", nil, c.notAssessable(framework, id, e)
	case !e.Withdrawn:
		return target, []string{e.ID}, nil
	}
	tf := c.fw[targetOf(e.Framework)]
	var out []string
	for _, t := range e.WithdrawnTo {
		if s, ok := tf.get(t); ok && s.coverageUnit() {
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		return "", nil, c.withdrawn(framework, id, e, true)
	}
	return target, tf.sortIDs(out), nil
}

// NormalizeControls maps the controls of a user rule to current framework
// keys and IDs with Normalize, merging what several keys contribute (ISO
// 2013 and 2022 IDs both end up under iso27001_2022), dropping duplicates
// and sorting each list in catalog order (AC-2 before AC-10). Only the four
// current keys appear in the result, each with at least one ID; user rules
// need not name all four. IDs that cannot be mapped are left out and
// reported, in a stable order (keys in canonical order, then unknown keys
// sorted; IDs as listed).
func (c *Catalog) NormalizeControls(in model.Controls) (model.Controls, []error) {
	sets := map[string][]string{}
	var errs []error
	keys := make([]string, 0, len(in))
	for _, k := range allKeys() {
		if _, ok := in[k]; ok {
			keys = append(keys, k)
		}
	}
	for _, k := range sortedKeys(in) {
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	for _, k := range keys {
		if _, ok := c.framework(k); !ok {
			errs = append(errs, keyError(k, true))
			continue
		}
		for _, id := range in[k] {
			fw, ids, err := c.Normalize(k, id)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			sets[fw] = append(sets[fw], ids...)
		}
	}
	out := model.Controls{}
	for _, fw := range model.Frameworks() {
		if ids := sets[fw]; len(ids) > 0 {
			out[fw] = c.fw[fw].sortIDs(ids)
		}
	}
	return out, errs
}

// sortIDs returns the distinct IDs (all present in f) in catalog order.
func (f *fwData) sortIDs(ids []string) []string {
	out := slices.Clone(ids)
	slices.SortFunc(out, func(a, b string) int { return f.index[a] - f.index[b] })
	return slices.Compact(out)
}
