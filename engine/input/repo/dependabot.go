package repo

import (
	"encoding/json"
	"fmt"

	"github.com/gatehq/gate/engine/model"
)

// dependabotIntervals are the schedule.interval values Dependabot accepts.
var dependabotIntervals = map[string]bool{
	"daily": true, "weekly": true, "monthly": true, "quarterly": true,
	"semiannually": true, "yearly": true, "cron": true,
}

// dependabotUpdates checks the parts of a dependabot.yml that decide whether
// Dependabot runs at all (version 2, updates with an ecosystem, directories
// and a valid schedule) and returns the update entries in a normal form:
// {index, package-ecosystem, directories}. Every problem is an error at the
// line of the offending key.
func dependabotUpdates(file string, content any, pos model.Positions) ([]any, []*posError) {
	var errs []*posError
	at := func(attr, format string, args ...any) {
		p, _ := pos.Locate(file, attr)
		errs = append(errs, &posError{Line: max(p.Line, 1), Column: p.Column, Err: fmt.Errorf(format, args...)})
	}
	m, ok := content.(map[string]any)
	if !ok {
		at("", "top level is %s, want a mapping", describe(content))
		return []any{}, errs
	}
	switch v := m["version"].(type) {
	case nil:
		at("", "missing \"version: 2\"")
	case json.Number:
		if v.String() != "2" {
			at("version", "version is %s, want 2", v)
		}
	case string:
		if v != "2" {
			at("version", "version is %q, want 2", v)
		}
	default:
		at("version", "version is %s, want 2", describe(v))
	}
	list, ok := m["updates"].([]any)
	if !ok {
		if m["updates"] == nil {
			at("", "missing \"updates\"")
		} else {
			at("updates", "updates is %s, want a list", describe(m["updates"]))
		}
		return []any{}, errs
	}
	out := make([]any, 0, len(list))
	for i, item := range list {
		base := indexPath("updates", i)
		u, ok := item.(map[string]any)
		if !ok {
			at(base, "update entry is %s, want a mapping", describe(item))
			continue
		}
		eco, _ := u["package-ecosystem"].(string)
		if eco == "" {
			at(base, "update entry has no package-ecosystem")
		}
		var dirs []any
		if d, ok := u["directory"].(string); ok && d != "" {
			dirs = append(dirs, d)
		}
		if ds, ok := u["directories"].([]any); ok {
			for j, d := range ds {
				s, ok := d.(string)
				if !ok || s == "" {
					at(indexPath(base+".directories", j), "directories entry is %s, want a path", describe(d))
					continue
				}
				dirs = append(dirs, s)
			}
		}
		if len(dirs) == 0 {
			at(base, "update entry has no directory or directories")
		}
		switch s := u["schedule"].(type) {
		case map[string]any:
			iv, _ := s["interval"].(string)
			switch {
			case iv == "":
				at(base+".schedule", "schedule has no interval")
			case !dependabotIntervals[iv]:
				at(base+".schedule.interval", "schedule.interval %q is not one of daily, weekly, monthly, quarterly, semiannually, yearly, cron", iv)
			case iv == "cron":
				if cj, _ := s["cronjob"].(string); cj == "" {
					at(base+".schedule.interval", "schedule.interval is cron but schedule.cronjob is missing")
				}
			}
		case nil:
			at(base, "update entry has no schedule")
		default:
			at(base+".schedule", "schedule is %s, want a mapping", describe(s))
		}
		if dirs == nil {
			dirs = []any{}
		}
		out = append(out, map[string]any{"index": json.Number(fmt.Sprint(i)), "package-ecosystem": eco, "directories": dirs})
	}
	return out, errs
}

// describe names the JSON type of a value for messages.
func describe(v any) string {
	switch t := v.(type) {
	case nil:
		return "empty"
	case map[string]any:
		return "a mapping"
	case []any:
		return "a list"
	case string:
		return fmt.Sprintf("the string %q", t)
	case bool:
		return fmt.Sprintf("the boolean %v", t)
	case json.Number, float64:
		return fmt.Sprintf("the number %v", t)
	}
	return fmt.Sprintf("%T", v)
}
