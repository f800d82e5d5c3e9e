package report

import (
	"encoding/json"
	"io"
	"sort"

	"github.com/gatehq/gate/engine"
	"github.com/gatehq/gate/engine/model"
)

type jsonInputError struct {
	model.InputError
	Message string `json:"message"`
}

type jsonRule struct {
	*model.Rule
	Verdict model.Verdict `json:"verdict"`
}

type jsonReport struct {
	Tool        string                 `json:"tool"`
	Version     string                 `json:"version"`
	ExitCode    int                    `json:"exit_code"`
	Exit        string                 `json:"exit"`
	FailOn      model.Severity         `json:"fail_on"`
	Frameworks  []string               `json:"frameworks,omitempty"`
	Summary     Counts                 `json:"summary"`
	Documents   []engine.DocumentInfo  `json:"documents"`
	Rules       []jsonRule             `json:"rules"`
	Controls    []engine.ControlStatus `json:"controls"`
	Findings    []model.Finding        `json:"findings"`
	InputErrors []jsonInputError       `json:"input_errors"`
	RuleErrors  []string               `json:"rule_errors"`
	Notices     []string               `json:"notices"`
}

// JSON writes the whole result, machine-readable and deterministic (no
// times): documents read, rules evaluated with their verdicts, per-control
// status, findings, errors and notices.
func JSON(w io.Writer, res *engine.Result, meta Meta) error {
	r := jsonReport{
		Tool:        "gate",
		Version:     meta.Version,
		ExitCode:    res.ExitCode(),
		Exit:        ExitReason(res),
		FailOn:      res.FailOn,
		Frameworks:  res.Frameworks,
		Summary:     Count(res),
		Documents:   res.Documents,
		Controls:    res.Controls(),
		Findings:    res.Findings,
		RuleErrors:  res.RuleErrors,
		Notices:     res.Notices,
		InputErrors: []jsonInputError{},
	}
	for _, rule := range res.Rules {
		r.Rules = append(r.Rules, jsonRule{Rule: rule, Verdict: res.Verdicts[rule.ID]})
	}
	sort.Slice(r.Rules, func(i, j int) bool { return r.Rules[i].ID < r.Rules[j].ID })
	for _, e := range res.InputErrors {
		r.InputErrors = append(r.InputErrors, jsonInputError{InputError: *e, Message: e.Error()})
	}
	if r.Findings == nil {
		r.Findings = []model.Finding{}
	}
	if r.Documents == nil {
		r.Documents = []engine.DocumentInfo{}
	}
	if r.RuleErrors == nil {
		r.RuleErrors = []string{}
	}
	if r.Notices == nil {
		r.Notices = []string{}
	}
	if r.Controls == nil {
		r.Controls = []engine.ControlStatus{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}
