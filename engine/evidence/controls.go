package evidence

import (
	"sort"

	"github.com/gatehq/gate/engine/model"
)

// ControlVerdict is one control's state in one run, from the verdicts of the
// rules that map to it and had something to judge.
type ControlVerdict struct {
	// Verdict: fail (a rule failed or errored), else unknown, else
	// excepted, else pass.
	Verdict string
	// Rules are the rules that judged the control in the run, sorted.
	Rules []string
	// Failing are the rules that failed or errored, sorted.
	Failing []string
}

func verdictRank(v string) int {
	switch v {
	case string(model.VerdictFail), string(model.VerdictError):
		return 4
	case string(model.VerdictUnknown):
		return 3
	case string(model.VerdictExcepted):
		return 2
	case string(model.VerdictPass):
		return 1
	}
	return 0
}

// ControlVerdicts is the state of every control some rule judged in the run,
// by framework key and control ID. Rules not applicable to the run's inputs
// judge nothing.
func (r *Record) ControlVerdicts() map[string]map[string]*ControlVerdict {
	out := map[string]map[string]*ControlVerdict{}
	for _, rule := range r.Rules {
		rank := verdictRank(rule.Verdict)
		if rank == 0 {
			continue
		}
		for fw, ids := range rule.Controls {
			if out[fw] == nil {
				out[fw] = map[string]*ControlVerdict{}
			}
			for _, id := range ids {
				cv := out[fw][id]
				if cv == nil {
					cv = &ControlVerdict{}
					out[fw][id] = cv
				}
				cv.Rules = append(cv.Rules, rule.ID)
				if rank == 4 {
					cv.Failing = append(cv.Failing, rule.ID)
				}
				if rank > verdictRank(cv.Verdict) {
					cv.Verdict = rule.Verdict
					if rank == 4 {
						cv.Verdict = string(model.VerdictFail)
					}
				}
			}
		}
	}
	for _, m := range out {
		for _, cv := range m {
			sort.Strings(cv.Rules)
			sort.Strings(cv.Failing)
		}
	}
	return out
}

// RulesFor lists the rules of the record mapped to a control, whatever
// their verdict, sorted.
func (r *Record) RulesFor(framework, id string) []string {
	var out []string
	for _, rule := range r.Rules {
		for _, c := range rule.Controls[framework] {
			if c == id {
				out = append(out, rule.ID)
				break
			}
		}
	}
	sort.Strings(out)
	return out
}
