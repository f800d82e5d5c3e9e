package catalog

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"

	"github.com/gatehq/gate/engine/model"
)

// data holds the catalogs and crosswalks (see data/PROVENANCE.md).
//
//go:embed data
var data embed.FS

// Embedded files New reads.
const (
	fileSOC2      = "data/soc2-tsc-2017.json"
	fileISO2022   = "data/iso27001-2022.json"
	fileISO2013   = "data/iso27001-2013.json"
	fileCSF20     = "data/nist-csf-2.0.json"
	fileCSF11     = "data/nist-csf-1.1.json"
	file80053     = "data/nist-800-53r5.json"
	fileISO13To22 = "data/crosswalks/iso27001-2013_to_2022.json"
	fileCSF11To20 = "data/crosswalks/csf-1.1_to_csf-2.0.json"
	fileCSFTo53   = "data/crosswalks/csf-2.0_to_sp800-53r5.json"
)

// New parses the embedded catalogs and crosswalks and checks that they agree
// with each other (every successor and crosswalk target exists and is
// active). Call it once and share the result.
func New() (*Catalog, error) {
	return load(data)
}

func load(fsys fs.FS) (*Catalog, error) {
	c := &Catalog{fw: map[string]*fwData{}}
	steps := []func(fs.FS) error{
		c.loadSOC2, c.loadISO2022, c.loadISO2013, c.loadCSF20, c.loadCSF11, c.load80053, c.loadCSFTo80053,
	}
	for _, step := range steps {
		if err := step(fsys); err != nil {
			return nil, err
		}
	}
	if err := c.checkSuccessors(); err != nil {
		return nil, err
	}
	for _, f := range c.fw {
		f.buildGroups()
	}
	return c, nil
}

// readList decodes the array under key of a JSON file into out, rejecting
// fields the loader does not know (a changed data format must not be
// silently half-read).
func readList(fsys fs.FS, file, key string, out any) error {
	b, err := fs.ReadFile(fsys, file)
	if err != nil {
		return fmt.Errorf("catalog: %w", err)
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(b, &top); err != nil {
		return fmt.Errorf("catalog: %s: %w", file, err)
	}
	raw, ok := top[key]
	if !ok {
		return fmt.Errorf("catalog: %s: no %q list", file, key)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(out); err != nil {
		return fmt.Errorf("catalog: %s: %s: %w", file, key, err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return fmt.Errorf("catalog: %s: %s: trailing data", file, key)
	}
	return nil
}

// readObject decodes one top-level metadata object of a JSON file.
func readObject(fsys fs.FS, file, key string, out any) error {
	b, err := fs.ReadFile(fsys, file)
	if err != nil {
		return fmt.Errorf("catalog: %w", err)
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(b, &top); err != nil {
		return fmt.Errorf("catalog: %s: %w", file, err)
	}
	raw, ok := top[key]
	if !ok {
		return fmt.Errorf("catalog: %s: no %q object", file, key)
	}
	if err := json.Unmarshal(raw, out); err != nil {
		return fmt.Errorf("catalog: %s: %s: %w", file, key, err)
	}
	return nil
}

// add stores the entries of one framework, rejecting empty, duplicate and
// non-canonical IDs.
func (c *Catalog) add(file, key string, canon func(string) (string, bool), entries []Control) error {
	if len(entries) == 0 {
		return fmt.Errorf("catalog: %s: no controls", file)
	}
	f := &fwData{key: key, entries: entries, index: make(map[string]int, len(entries)), canon: canon}
	for i := range entries {
		e := &entries[i]
		e.Framework = key
		if e.ID == "" {
			return fmt.Errorf("catalog: %s: controls[%d]: empty id", file, i)
		}
		if _, dup := f.index[e.ID]; dup {
			return fmt.Errorf("catalog: %s: controls[%d]: duplicate id %s", file, i, e.ID)
		}
		if cid, ok := canon(e.ID); !ok || cid != e.ID {
			return fmt.Errorf("catalog: %s: controls[%d]: id %q is not in canonical form", file, i, e.ID)
		}
		f.index[e.ID] = i
	}
	c.fw[key] = f
	return nil
}

func (c *Catalog) loadSOC2(fsys fs.FS) error {
	var rows []struct {
		ID            string `json:"id"`
		Title         string `json:"title"`
		Series        string `json:"series"`
		SeriesName    string `json:"series_name"`
		Category      string `json:"category"`
		COSOPrinciple int    `json:"coso_principle"`
	}
	if err := readList(fsys, fileSOC2, "controls", &rows); err != nil {
		return err
	}
	entries := make([]Control, len(rows))
	for i, r := range rows {
		entries[i] = Control{
			ID: r.ID, Title: r.Title, Kind: KindCriterion,
			Series: r.Series, SeriesName: r.SeriesName, Category: r.Category, COSOPrinciple: r.COSOPrinciple,
		}
	}
	return c.add(fileSOC2, model.FrameworkSOC2, canonSOC2, entries)
}

func (c *Catalog) loadISO2022(fsys fs.FS) error {
	var rows []struct {
		ID        string   `json:"id"`
		Name      string   `json:"name"`
		Theme     string   `json:"theme"`
		ThemeName string   `json:"theme_name"`
		NewIn2022 bool     `json:"new_in_2022"`
		ISO2013   []string `json:"iso2013"`
	}
	if err := readList(fsys, fileISO2022, "controls", &rows); err != nil {
		return err
	}
	entries := make([]Control, len(rows))
	for i, r := range rows {
		entries[i] = Control{
			ID: r.ID, Title: r.Name, Kind: KindControl,
			Theme: r.Theme, ThemeName: r.ThemeName, NewIn2022: r.NewIn2022, ISO2013IDs: r.ISO2013,
		}
	}
	return c.add(fileISO2022, model.FrameworkISO27001, canonISO, entries)
}

// loadISO2013 reads the 2013 catalog; every entry is withdrawn, and its
// successors come from the 2013 → 2022 crosswalk (which must agree with the
// catalog's own iso2022 field).
func (c *Catalog) loadISO2013(fsys fs.FS) error {
	var rows []struct {
		ID            string   `json:"id"`
		Name          string   `json:"name"`
		Domain        string   `json:"domain"`
		DomainName    string   `json:"domain_name"`
		Objective     string   `json:"objective"`
		ObjectiveName string   `json:"objective_name"`
		ISO2022       []string `json:"iso2022"`
	}
	if err := readList(fsys, fileISO2013, "controls", &rows); err != nil {
		return err
	}
	var xw []struct {
		ISO2013 string   `json:"iso2013"`
		ISO2022 []string `json:"iso2022"`
	}
	if err := readList(fsys, fileISO13To22, "mappings", &xw); err != nil {
		return err
	}
	to := make(map[string][]string, len(xw))
	for i, m := range xw {
		if _, dup := to[m.ISO2013]; dup {
			return fmt.Errorf("catalog: %s: mappings[%d]: duplicate %s", fileISO13To22, i, m.ISO2013)
		}
		to[m.ISO2013] = m.ISO2022
	}
	entries := make([]Control, len(rows))
	for i, r := range rows {
		succ, ok := to[r.ID]
		if !ok {
			return fmt.Errorf("catalog: %s: no mapping for ISO/IEC 27001:2013 %s", fileISO13To22, r.ID)
		}
		if !slices.Equal(succ, r.ISO2022) {
			return fmt.Errorf("catalog: %s maps %s to %v but %s says %v", fileISO13To22, r.ID, succ, fileISO2013, r.ISO2022)
		}
		delete(to, r.ID)
		entries[i] = Control{
			ID: r.ID, Title: r.Name, Kind: KindControl, Parent: r.Objective,
			Theme: r.Domain, ThemeName: r.DomainName,
			Withdrawn: true, WithdrawnTo: succ, Relation: RelationCorresponds,
		}
	}
	if len(to) > 0 {
		return fmt.Errorf("catalog: %s maps %s, which %s lacks", fileISO13To22, strings.Join(sortedKeys(to), ", "), fileISO2013)
	}
	return c.add(fileISO2013, FrameworkISO27001_2013, canonISO, entries)
}

// csfKind maps a CSF "type" to a Kind.
func csfKind(file, id, typ string) (string, error) {
	switch typ {
	case "function":
		return KindFunction, nil
	case "category":
		return KindCategory, nil
	case "subcategory":
		return KindSubcategory, nil
	}
	return "", fmt.Errorf("catalog: %s: %s: unknown type %q", file, id, typ)
}

// csfParent is the enclosing element: subcategory → category → function.
func csfParent(kind, function, category string) string {
	switch kind {
	case KindSubcategory:
		return category
	case KindCategory:
		return function
	}
	return ""
}

// relation maps the relation spellings of the data files to Relation*
// constants; a parenthesised remainder becomes the note
// ("incorporated_into (other Protect Categories)").
func relation(file, id, rel string) (relation, note string, err error) {
	base, rest, _ := strings.Cut(rel, " (")
	note = strings.TrimSuffix(rest, ")")
	switch strings.ReplaceAll(base, "-", "_") {
	case "":
		return "", note, nil
	case RelationRetained:
		return RelationRetained, note, nil
	case RelationMovedTo:
		return RelationMovedTo, note, nil
	case RelationIncorporated:
		return RelationIncorporated, note, nil
	}
	return "", "", fmt.Errorf("catalog: %s: %s: unknown relation %q", file, id, rel)
}

func (c *Catalog) loadCSF20(fsys fs.FS) error {
	var rows []struct {
		ID            string   `json:"id"`
		Type          string   `json:"type"`
		Function      string   `json:"function"`
		Category      string   `json:"category"`
		Title         string   `json:"title"`
		Text          string   `json:"text"`
		RiskParty     []string `json:"risk_party"`
		Withdrawn     bool     `json:"withdrawn"`
		WithdrawnRel  string   `json:"withdrawn_rel"`
		WithdrawnTo   []string `json:"withdrawn_to"`
		WithdrawnNote string   `json:"withdrawn_note"`
		CSF11ID       string   `json:"csf11_id"`
		CSF11Text     string   `json:"csf11_text"`
	}
	if err := readList(fsys, fileCSF20, "controls", &rows); err != nil {
		return err
	}
	entries := make([]Control, len(rows))
	for i, r := range rows {
		kind, err := csfKind(fileCSF20, r.ID, r.Type)
		if err != nil {
			return err
		}
		rel, note, err := relation(fileCSF20, r.ID, r.WithdrawnRel)
		if err != nil {
			return err
		}
		if r.WithdrawnNote != "" {
			note = r.WithdrawnNote
		}
		title := r.Title
		if title == "" {
			title = r.CSF11Text
		}
		entries[i] = Control{
			ID: r.ID, Title: title, Kind: kind, Function: r.Function,
			Parent:    csfParent(kind, r.Function, r.Category),
			Withdrawn: r.Withdrawn, WithdrawnTo: r.WithdrawnTo, Relation: rel, Note: note,
		}
	}
	return c.add(fileCSF20, model.FrameworkNISTCSF, canonCSF(true), entries)
}

// loadCSF11 reads the CSF 1.1 catalog; every entry is withdrawn, and its
// successors come from the official 1.1 → 2.0 lineage crosswalk (which must
// agree with the catalog's own csf20 field where the catalog has one).
func (c *Catalog) loadCSF11(fsys fs.FS) error {
	var rows []struct {
		ID        string   `json:"id"`
		Type      string   `json:"type"`
		Function  string   `json:"function"`
		Category  string   `json:"category"`
		Title     string   `json:"title"`
		Text      string   `json:"text"`
		CSF20     []string `json:"csf20"`
		CSF20Rel  string   `json:"csf20_rel"`
		CSF20Refs []string `json:"csf20_refs"`
	}
	if err := readList(fsys, fileCSF11, "controls", &rows); err != nil {
		return err
	}
	var xw []struct {
		CSF11     string   `json:"csf11"`
		Type      string   `json:"type"`
		CSF20     []string `json:"csf20"`
		Rel       string   `json:"rel"`
		CSF20Refs []string `json:"csf20_refs"`
	}
	if err := readList(fsys, fileCSF11To20, "mappings", &xw); err != nil {
		return err
	}
	type lineage struct {
		to  []string
		rel string
	}
	to := make(map[string]lineage, len(xw))
	for i, m := range xw {
		if _, dup := to[m.CSF11]; dup {
			return fmt.Errorf("catalog: %s: mappings[%d]: duplicate %s", fileCSF11To20, i, m.CSF11)
		}
		to[m.CSF11] = lineage{m.CSF20, m.Rel}
	}
	entries := make([]Control, len(rows))
	for i, r := range rows {
		kind, err := csfKind(fileCSF11, r.ID, r.Type)
		if err != nil {
			return err
		}
		l, ok := to[r.ID]
		if !ok {
			return fmt.Errorf("catalog: %s: no lineage for CSF 1.1 %s", fileCSF11To20, r.ID)
		}
		if r.CSF20 != nil && !slices.Equal(r.CSF20, l.to) {
			return fmt.Errorf("catalog: %s maps %s to %v but %s says %v", fileCSF11To20, r.ID, l.to, fileCSF11, r.CSF20)
		}
		delete(to, r.ID)
		rel, note, err := relation(fileCSF11To20, r.ID, l.rel)
		if err != nil {
			return err
		}
		entries[i] = Control{
			ID: r.ID, Title: r.Title, Kind: kind, Function: r.Function,
			Parent:    csfParent(kind, r.Function, r.Category),
			Withdrawn: true, WithdrawnTo: l.to, Relation: rel, Note: note,
		}
	}
	if len(to) > 0 {
		return fmt.Errorf("catalog: %s maps %s, which %s lacks", fileCSF11To20, strings.Join(sortedKeys(to), ", "), fileCSF11)
	}
	return c.add(fileCSF11, FrameworkNISTCSF11, canonCSF(false), entries)
}

// familySuffix marks a whole-family successor in the 800-53 data ("SR (family)").
const familySuffix = " (family)"

func (c *Catalog) load80053(fsys fs.FS) error {
	if err := readObject(fsys, file80053, "families", &c.families); err != nil {
		return err
	}
	var rows []struct {
		ID           string   `json:"id"`
		Title        string   `json:"title"`
		Family       string   `json:"family"`
		Parent       string   `json:"parent"`
		Baselines    []string `json:"baselines"`
		Withdrawn    bool     `json:"withdrawn"`
		WithdrawnRel string   `json:"withdrawn_rel"`
		WithdrawnTo  []string `json:"withdrawn_to"`
		AddedIn      string   `json:"added_in"`
	}
	if err := readList(fsys, file80053, "controls", &rows); err != nil {
		return err
	}
	entries := make([]Control, len(rows))
	for i, r := range rows {
		name, ok := c.families[r.Family]
		if !ok {
			return fmt.Errorf("catalog: %s: %s: unknown family %q", file80053, r.ID, r.Family)
		}
		for _, b := range r.Baselines {
			if _, err := parseBaseline(b); err != nil || b != strings.ToUpper(b) {
				return fmt.Errorf("catalog: %s: %s: bad baseline %q", file80053, r.ID, b)
			}
		}
		rel, note, err := relation(file80053, r.ID, r.WithdrawnRel)
		if err != nil {
			return err
		}
		succ := make([]string, 0, len(r.WithdrawnTo))
		for _, t := range r.WithdrawnTo {
			succ = append(succ, strings.TrimSuffix(t, familySuffix))
		}
		kind := KindControl
		if r.Parent != "" {
			kind = KindEnhancement
		}
		entries[i] = Control{
			ID: r.ID, Title: r.Title, Kind: kind, Parent: r.Parent,
			Family: r.Family, FamilyName: name, Baselines: r.Baselines, AddedIn: r.AddedIn,
			Withdrawn: r.Withdrawn, Relation: rel, Note: note,
		}
		if r.Withdrawn {
			entries[i].WithdrawnTo = succ
		}
	}
	return c.add(file80053, model.FrameworkNIST80053, canon80053, entries)
}

func (c *Catalog) loadCSFTo80053(fsys fs.FS) error {
	var rows []struct {
		CSF20   string   `json:"csf20"`
		SP80053 []string `json:"sp800_53"`
	}
	if err := readList(fsys, fileCSFTo53, "mappings", &rows); err != nil {
		return err
	}
	csf := c.fw[model.FrameworkNISTCSF]
	sp := c.fw[model.FrameworkNIST80053]
	c.csfTo80053 = make(map[string][]string, len(rows))
	for i, r := range rows {
		if e, ok := csf.get(r.CSF20); !ok || e.Withdrawn {
			return fmt.Errorf("catalog: %s: mappings[%d]: %s is not an active CSF 2.0 element", fileCSFTo53, i, r.CSF20)
		}
		if _, dup := c.csfTo80053[r.CSF20]; dup {
			return fmt.Errorf("catalog: %s: mappings[%d]: duplicate %s", fileCSFTo53, i, r.CSF20)
		}
		for _, t := range r.SP80053 {
			if _, fam := c.families[t]; fam {
				continue
			}
			if e, ok := sp.get(t); !ok || e.Withdrawn {
				return fmt.Errorf("catalog: %s: %s → %s: not an active SP 800-53 control", fileCSFTo53, r.CSF20, t)
			}
		}
		c.csfTo80053[r.CSF20] = r.SP80053
	}
	return nil
}

// checkSuccessors makes sure every successor named by a withdrawn entry
// exists and is active, so that one hop always reaches a current ID.
func (c *Catalog) checkSuccessors() error {
	for _, key := range allKeys() {
		f := c.fw[key]
		target := c.fw[key]
		if cur, ok := supersededBy(key); ok {
			target = c.fw[cur]
		}
		for i := range f.entries {
			e := &f.entries[i]
			for _, t := range e.WithdrawnTo {
				if key == model.FrameworkNIST80053 {
					if _, fam := c.families[t]; fam {
						continue
					}
				}
				s, ok := target.get(t)
				if !ok || s.Withdrawn {
					return fmt.Errorf("catalog: %s %s: successor %s is not an active %s ID", key, e.ID, t, DisplayName(target.key))
				}
			}
		}
	}
	return nil
}

// buildGroups fills the "did you mean" index: the IDs a rule may name
// (coverage units; for superseded frameworks, their controls and
// subcategories), grouped by groupOf.
func (f *fwData) buildGroups() {
	f.groups = map[string][]string{}
	for i := range f.entries {
		e := &f.entries[i]
		if e.Kind == KindFunction || e.Kind == KindCategory {
			continue
		}
		if e.Withdrawn && current(f.key) {
			continue
		}
		// SP 800-53: "AC" groups the family's base controls, "AC-6" the
		// enhancements of AC-6.
		g := groupOf(f.key, e.ID)
		f.groups[g] = append(f.groups[g], e.ID)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
