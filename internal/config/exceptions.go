package config

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/gatehq/gate/engine/model"
)

// Exception is one entry of the exceptions file: a risk acceptance with an
// owner, a reason and an end date.
type Exception struct {
	Rule          string `yaml:"rule"`
	Resource      string `yaml:"resource"`
	Owner         string `yaml:"owner"`
	Justification string `yaml:"justification"`
	Ticket        string `yaml:"ticket"`
	Expires       string `yaml:"expires"`
	Line          int    `yaml:"-"`
}

type exceptionsFile struct {
	Exceptions []yaml.Node `yaml:"exceptions"`
}

// LoadExceptions reads an exceptions file. A missing file is no exceptions
// only when optional is true. Every entry needs rule, resource, owner,
// justification and expires (YYYY-MM-DD, at most maxDays after now); rules
// must exist (known). Expired entries are returned: the engine reports them.
func LoadExceptions(ctx context.Context, path string, optional bool, now time.Time, maxDays int, known func(id string) bool) ([]model.Suppression, error) {
	b, err := readFile(ctx, path)
	if err != nil {
		if optional && errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
		return nil, &Error{Path: path, Err: err}
	}
	if maxDays <= 0 {
		maxDays = DefaultMaxExceptionDays
	}
	var f exceptionsFile
	if err := decodeStrict(path, b, &f); err != nil {
		return nil, err
	}
	rel := filepath.ToSlash(path)
	today := now.UTC().Truncate(24 * time.Hour)
	limit := today.AddDate(0, 0, maxDays)
	var errs []error
	var out []model.Suppression
	for _, node := range f.Exceptions {
		var e Exception
		dec := yaml.NewDecoder(bytes.NewReader(mustMarshal(&node)))
		dec.KnownFields(true)
		if err := dec.Decode(&e); err != nil {
			ye := yamlError(path, err).(*Error)
			ye.Line += node.Line - 1
			errs = append(errs, ye)
			continue
		}
		e.Line = node.Line
		bad := func(format string, a ...any) {
			errs = append(errs, &Error{Path: path, Line: node.Line, Err: fmt.Errorf(format, a...)})
		}
		missing := []string{}
		for _, kv := range []struct{ k, v string }{{"rule", e.Rule}, {"resource", e.Resource}, {"owner", e.Owner},
			{"justification", e.Justification}, {"expires", e.Expires}} {
			if strings.TrimSpace(kv.v) == "" {
				missing = append(missing, kv.k)
			}
		}
		if len(missing) > 0 {
			bad("exception for %q lacks %s", e.Rule, strings.Join(missing, ", "))
			continue
		}
		if known != nil && !known(e.Rule) {
			bad("exception for rule %s: no such rule", e.Rule)
			continue
		}
		exp, err := time.Parse("2006-01-02", e.Expires)
		if err != nil {
			bad("exception for %s: expires %q is not a date (YYYY-MM-DD)", e.Rule, e.Expires)
			continue
		}
		if exp.After(limit) {
			bad("exception for %s expires %s, more than %d days ahead (max_exception_days); accept the risk for a shorter period", e.Rule, e.Expires, maxDays)
			continue
		}
		out = append(out, model.Suppression{
			Kind: "external", RuleID: e.Rule, Subject: e.Resource, Justification: e.Justification,
			Owner: e.Owner, Ticket: e.Ticket, Until: e.Expires, Location: model.Position{File: rel, Line: node.Line},
		})
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

func mustMarshal(n *yaml.Node) []byte {
	b, err := yaml.Marshal(n)
	if err != nil {
		return nil
	}
	return b
}
