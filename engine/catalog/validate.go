package catalog

import (
	"errors"
	"fmt"
	"strings"

	"github.com/gatehq/gate/engine/model"
)

// Kinds of ControlError; test with errors.Is.
var (
	ErrUnknownFramework = errors.New("unknown framework key")
	ErrMissingFramework = errors.New("framework missing")
	ErrUnknownControl   = errors.New("unknown control ID")
	ErrWithdrawn        = errors.New("withdrawn control ID")
	ErrNonCanonical     = errors.New("non-canonical control ID")
	ErrNotAssessable    = errors.New("control ID not assessable")
	ErrDuplicate        = errors.New("duplicate control ID")
	ErrUnknownBaseline  = errors.New("unknown baseline")
)

// ControlError is a problem with a framework key or a control ID. Its
// message names the framework key, the ID as written and the fix.
type ControlError struct {
	Framework string // framework key as written
	ID        string // control ID as written ("" for framework-level errors)
	Kind      error  // one of the Err* values above
	// Suggestions are current, assessable IDs to use instead, when the
	// catalog knows them (the canonical spelling, a withdrawn ID's
	// successors, a category's subcategories).
	Suggestions []string
	msg         string
}

func (e *ControlError) Error() string { return e.msg }

// Unwrap returns Kind, so errors.Is(err, ErrWithdrawn) works.
func (e *ControlError) Unwrap() error { return e.Kind }

// maxHint caps the IDs listed in one hint.
const maxHint = 12

// list joins IDs for a message, eliding beyond maxHint.
func list(ids []string) string {
	if len(ids) <= maxHint {
		return strings.Join(ids, ", ")
	}
	return strings.Join(ids[:maxHint], ", ") + fmt.Sprintf(", … (%d more)", len(ids)-maxHint)
}

// example is a well-formed ID of each framework, for messages.
func example(framework string) string {
	switch framework {
	case model.FrameworkSOC2:
		return "CC6.1"
	case model.FrameworkISO27001:
		return "A.8.24"
	case model.FrameworkNISTCSF:
		return "PR.DS-01"
	case model.FrameworkNIST80053:
		return "AC-6(9)"
	case FrameworkISO27001_2013:
		return "A.9.4.2"
	case FrameworkNISTCSF11:
		return "PR.DS-1"
	}
	return ""
}

// keyError explains a framework key Validate (superseded == false) or
// Normalize (superseded == true) does not accept.
func keyError(key string, superseded bool) *ControlError {
	e := &ControlError{Framework: key, Kind: ErrUnknownFramework}
	if cur, ok := supersededBy(key); ok && !superseded {
		e.msg = fmt.Sprintf("framework key %q: %s is superseded; built-in rules must use %s (user rules may keep %s, which is mapped to %s)",
			key, DisplayName(key), cur, key, cur)
		return e
	}
	want := "soc2, iso27001_2022, nist_csf_2 or nist_800_53r5"
	if superseded {
		want = "soc2, iso27001_2022, nist_csf_2, nist_800_53r5, or the superseded iso27001_2013 and nist_csf_1_1"
	}
	e.msg = fmt.Sprintf("framework key %q: unknown (want %s)", key, want)
	if k, err := model.FrameworkFromFlag(key); err == nil {
		e.msg += fmt.Sprintf("; did you mean %q?", k)
	}
	return e
}

// Validate checks one control ID a built-in rule names. framework must be
// one of the four current keys (model.Framework*); the ID must exist in
// that framework's catalog, be written in canonical form, be active (not
// withdrawn) and be a coverage unit (a CSF subcategory, not a category or
// function). Errors are *ControlError and name the fix.
func (c *Catalog) Validate(framework, id string) error {
	if !current(framework) {
		return keyError(framework, false)
	}
	return c.check(framework, id)
}

// ValidateControls checks the controls of a built-in rule: each of the four
// current frameworks must be present with at least one ID, no other key may
// appear, and every ID must pass Validate and appear once. Errors come in a
// stable order: frameworks in canonical order, IDs as listed, then unknown
// keys sorted.
func (c *Catalog) ValidateControls(ctrls model.Controls) []error {
	var errs []error
	for _, fw := range model.Frameworks() {
		ids, ok := ctrls[fw]
		if len(ids) == 0 {
			what := "missing"
			if ok {
				what = "empty"
			}
			errs = append(errs, &ControlError{Framework: fw, Kind: ErrMissingFramework,
				msg: fmt.Sprintf("framework key %q: %s; every built-in rule names %s controls (e.g. %s)", fw, what, DisplayName(fw), example(fw))})
			continue
		}
		seen := make(map[string]bool, len(ids))
		for _, id := range ids {
			if err := c.check(fw, id); err != nil {
				errs = append(errs, err)
				continue
			}
			if seen[id] {
				errs = append(errs, &ControlError{Framework: fw, ID: id, Kind: ErrDuplicate,
					msg: fmt.Sprintf("%s %q: listed twice", fw, id)})
			}
			seen[id] = true
		}
	}
	for _, k := range sortedKeys(ctrls) {
		if !current(k) {
			errs = append(errs, keyError(k, false))
		}
	}
	return errs
}

// check validates id against the current framework key fw.
func (c *Catalog) check(fw, id string) error {
	f := c.fw[fw]
	e, exact := f.resolve(id)
	switch {
	case e == nil:
		return c.unknown(fw, id)
	case e.Withdrawn:
		return c.withdrawn(fw, id, e, false)
	case !e.coverageUnit():
		return c.notAssessable(fw, id, e)
	case !exact:
		return &ControlError{Framework: fw, ID: id, Kind: ErrNonCanonical, Suggestions: []string{e.ID},
			msg: fmt.Sprintf("%s %q: not the canonical spelling; write %s", fw, id, e.ID)}
	}
	return nil
}

// unknown explains an ID the framework fw lacks: a superseded-version ID
// (ISO 2013 under the 2022 key) is reported as withdrawn with its
// successors; otherwise the message points at another framework the ID
// belongs to, or lists the IDs of its group.
func (c *Catalog) unknown(fw, id string) error {
	prefix := fmt.Sprintf("%s %q: ", fw, id)
	e := &ControlError{Framework: fw, ID: id, Kind: ErrUnknownControl}
	if strings.TrimSpace(id) == "" {
		e.msg = prefix + "empty control ID"
		return e
	}
	if old, ok := supersedes(fw); ok {
		if s, _ := c.fw[old].resolve(id); s != nil && s.Kind != KindFunction && s.Kind != KindCategory {
			return c.withdrawn(fw, id, s, false)
		}
	}
	for _, k := range allKeys() {
		if k == fw {
			continue
		}
		if cur, ok := supersededBy(k); ok && cur == fw {
			continue
		}
		if s, _ := c.fw[k].resolve(id); s != nil {
			e.msg = fmt.Sprintf("%snot an ID of %s; it looks like %s %s, which belongs under %q", prefix, DisplayName(fw), DisplayName(k), s.ID, k)
			return e
		}
	}
	f := c.fw[fw]
	cid, ok := f.canon(id)
	if !ok {
		cid = squeeze(id)
	}
	if ids := f.groups[cid]; len(ids) > 0 {
		e.msg = fmt.Sprintf("%s%s, not a single control; name one of: %s", prefix, c.groupName(fw, cid, ids[0]), list(ids))
		return e
	}
	if ok {
		if ids := f.groups[groupOf(fw, cid)]; len(ids) > 0 {
			e.msg = fmt.Sprintf("%sunknown %s ID %s; %s has: %s", prefix, DisplayName(fw), cid, groupOf(fw, cid), list(ids))
			return e
		}
	}
	e.msg = fmt.Sprintf("%sunknown %s ID (IDs look like %s)", prefix, DisplayName(fw), example(fw))
	return e
}

// notAssessable explains a CSF function or category named as a control.
func (c *Catalog) notAssessable(fw, id string, e *Control) error {
	kids := c.fw[e.Framework].children(e.ID)
	err := &ControlError{Framework: fw, ID: id, Kind: ErrNotAssessable,
		msg: fmt.Sprintf("%s %q: %s is a %s %s, too broad to assess; name one of its %s: %s",
			fw, id, e.ID, DisplayName(e.Framework), e.Kind, childKind(e.Kind), list(kids))}
	if e.Kind == KindCategory {
		err.Suggestions = kids
	}
	return err
}

func childKind(kind string) string {
	if kind == KindFunction {
		return "categories"
	}
	return "subcategories"
}

// groupName describes a group key for messages; member is one ID in it.
func (c *Catalog) groupName(fw, key, member string) string {
	m, _ := c.fw[fw].get(member)
	switch fw {
	case model.FrameworkSOC2:
		return fmt.Sprintf("the %s series (%s)", key, m.SeriesName)
	case model.FrameworkISO27001:
		return fmt.Sprintf("the %s theme (%s)", key, m.ThemeName)
	case FrameworkISO27001_2013:
		if m.Parent == key {
			return "control objective " + key
		}
		return fmt.Sprintf("the %s domain (%s)", key, m.ThemeName)
	case model.FrameworkNIST80053:
		if m.Parent == key {
			return "base control " + key
		}
		return fmt.Sprintf("the %s family (%s)", key, c.families[key])
	}
	return "group " + key
}

// targetOf is the framework whose IDs the successors of e's entries are.
func targetOf(framework string) string {
	if cur, ok := supersededBy(framework); ok {
		return cur
	}
	return framework
}

// withdrawn explains a withdrawn or superseded entry e found for id under
// fw, naming its successors. For Normalize (normalizing == true) it is
// only called when no successor is an assessable current ID.
func (c *Catalog) withdrawn(fw, id string, e *Control, normalizing bool) error {
	target := targetOf(e.Framework)
	tf := c.fw[target]
	var b strings.Builder
	fmt.Fprintf(&b, "%s %q: %s %s", fw, id, DisplayName(e.Framework), e.ID)
	if e.Title != "" && len(e.Title) <= 80 {
		fmt.Fprintf(&b, " (%s)", e.Title)
	}
	if target != e.Framework {
		fmt.Fprintf(&b, " is superseded by %s", DisplayName(target))
	} else {
		b.WriteString(" is withdrawn")
	}
	var sugg, descs []string
	for _, t := range e.WithdrawnTo {
		if name, fam := c.families[t]; fam && target == model.FrameworkNIST80053 {
			descs = append(descs, fmt.Sprintf("the %s family (%s)", t, name))
			continue
		}
		s, _ := tf.get(t)
		if s.coverageUnit() {
			sugg = append(sugg, t)
			descs = append(descs, t)
		} else {
			descs = append(descs, t+" ("+s.Kind+")")
		}
	}
	switch {
	case len(descs) > 0:
		fmt.Fprintf(&b, ": %s %s", relationPhrase(e.Relation), strings.Join(descs, ", "))
	case e.Note != "":
		fmt.Fprintf(&b, ": %s %s", relationPhrase(e.Relation), e.Note)
	default:
		b.WriteString(" without a replacement")
	}
	switch {
	case len(sugg) > 0 && !normalizing:
		fmt.Fprintf(&b, "; name %s instead", strings.Join(sugg, ", "))
	case len(sugg) == 0:
		fmt.Fprintf(&b, "; no current %s control to map it to, name one explicitly", DisplayName(target))
		var kids []string
		for _, t := range e.WithdrawnTo {
			if s, ok := tf.get(t); ok && s.Kind == KindCategory {
				kids = append(kids, tf.children(t)...)
			}
		}
		if len(kids) > 0 {
			fmt.Fprintf(&b, " (candidates: %s)", list(kids))
		}
	}
	return &ControlError{Framework: fw, ID: id, Kind: ErrWithdrawn, Suggestions: sugg, msg: b.String()}
}

func relationPhrase(rel string) string {
	switch rel {
	case RelationIncorporated:
		return "incorporated into"
	case RelationMovedTo:
		return "moved to"
	case RelationCorresponds:
		return "corresponds to"
	case RelationRetained:
		return "kept as"
	}
	return "replaced by"
}
