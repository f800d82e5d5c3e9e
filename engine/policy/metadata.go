package policy

import (
	"fmt"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/gatehq/gate/engine/model"
)

// knownCustomKeys are the custom: fields a rule may carry.
var knownCustomKeys = map[string]bool{
	"id": true, "severity": true, "remediation": true, "resource_types": true,
	"sources": true, "source_note": true, "controls": true, "params": true, "kind": true,
}

// ruleFromAnnotations turns a package's METADATA into a rule description.
// Built-in rules must carry every field; user rules may omit METADATA
// (conftest style) and are then named after their package.
func ruleFromAnnotations(pkg, file string, builtin bool, ann *ast.Annotations) (*model.Rule, error) {
	r := &model.Rule{
		ID:       pkg,
		Title:    pkg,
		Package:  pkg,
		File:     file,
		Builtin:  builtin,
		Severity: model.SeverityHigh,
		Controls: model.Controls{},
	}
	if strings.HasPrefix(pkg, rulesPrefix) {
		rest := strings.TrimPrefix(pkg, rulesPrefix)
		r.Kind, _, _ = strings.Cut(rest, ".")
		switch r.Kind {
		case model.KindTerraform, model.KindGitHub, model.KindRepo:
		default:
			return nil, fmt.Errorf("%s: package %s: unknown document kind %q (want terraform, github or repo)", file, pkg, r.Kind)
		}
	}
	if ann == nil {
		if builtin {
			return nil, fmt.Errorf("%s: package %s has no METADATA block", file, pkg)
		}
		return r, nil
	}
	where := file
	if ann.Location != nil {
		where = fmt.Sprintf("%s:%d", file, ann.Location.Row)
	}
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%s: METADATA of %s: %s", where, pkg, fmt.Sprintf(format, args...))
	}
	if ann.Title != "" {
		r.Title = ann.Title
	}
	r.Description = strings.TrimSpace(ann.Description)
	c := ann.Custom
	keys := make([]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !knownCustomKeys[k] {
			return nil, bad("unknown custom key %q", k)
		}
	}
	if v, ok := c["id"]; ok {
		s, ok := v.(string)
		if !ok || strings.TrimSpace(s) == "" {
			return nil, bad("custom.id must be a non-empty string")
		}
		r.ID = s
	}
	if v, ok := c["severity"]; ok {
		s, _ := v.(string)
		sev, err := model.ParseSeverity(s)
		if err != nil {
			return nil, bad("custom.severity: %v", err)
		}
		r.Severity = sev
	}
	if v, ok := c["remediation"]; ok {
		s, ok := v.(string)
		if !ok {
			return nil, bad("custom.remediation must be a string")
		}
		r.Remediation = strings.TrimSpace(s)
	}
	if v, ok := c["kind"]; ok {
		s, _ := v.(string)
		switch s {
		case model.KindTerraform, model.KindGitHub, model.KindRepo:
			if r.Kind != "" && r.Kind != s {
				return nil, bad("custom.kind %q contradicts package path (%s)", s, r.Kind)
			}
			r.Kind = s
		default:
			return nil, bad("custom.kind %q: want terraform, github or repo", s)
		}
	}
	var err error
	if r.ResourceTypes, err = stringList(c["resource_types"]); err != nil {
		return nil, bad("custom.resource_types: %v", err)
	}
	if r.Sources, err = stringList(c["sources"]); err != nil {
		return nil, bad("custom.sources: %v", err)
	}
	for _, s := range r.Sources {
		if s != "plan" && s != "hcl" {
			return nil, bad("custom.sources: unknown source %q (want plan, hcl)", s)
		}
	}
	if v, ok := c["source_note"]; ok {
		r.SourceNote, _ = v.(string)
	}
	if v, ok := c["params"]; ok {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, bad("custom.params must be a map")
		}
		r.Params = m
	}
	if v, ok := c["controls"]; ok {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, bad("custom.controls must be a map of framework to a list of control IDs")
		}
		for fw, ids := range m {
			list, err := stringList(ids)
			if err != nil {
				return nil, bad("custom.controls.%s: %v", fw, err)
			}
			r.Controls[fw] = list
		}
	}
	if builtin {
		var missing []string
		if r.ID == pkg {
			missing = append(missing, "custom.id")
		}
		if ann.Title == "" {
			missing = append(missing, "title")
		}
		if r.Description == "" {
			missing = append(missing, "description")
		}
		if _, ok := c["severity"]; !ok {
			missing = append(missing, "custom.severity")
		}
		if r.Remediation == "" {
			missing = append(missing, "custom.remediation")
		}
		if len(r.Controls) == 0 {
			missing = append(missing, "custom.controls")
		}
		if len(missing) > 0 {
			return nil, bad("missing %s", strings.Join(missing, ", "))
		}
	}
	return r, nil
}

// stringList accepts a YAML list of strings or a single string.
func stringList(v any) ([]string, error) {
	switch t := v.(type) {
	case nil:
		return nil, nil
	case string:
		return []string{t}, nil
	case []any:
		out := make([]string, 0, len(t))
		for _, e := range t {
			s, ok := e.(string)
			if !ok {
				return nil, fmt.Errorf("want a list of strings, found %T %v", e, e)
			}
			out = append(out, s)
		}
		return out, nil
	}
	return nil, fmt.Errorf("want a list of strings, found %T", v)
}
