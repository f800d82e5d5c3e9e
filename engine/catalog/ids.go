package catalog

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/gatehq/gate/engine/model"
)

// Spelling rules. Each canonicalizer accepts the ways people actually write
// an ID (any case, stray spaces, zero padding, the ISO/IEC 27002 numbering
// without "A.", the OSCAL "ac-2.1" form) and returns the catalog spelling.
// It does not check that the ID exists.
var (
	reSOC2  = regexp.MustCompile(`^(CC|PI|A|C|P)0*(\d+)\.0*(\d+)$`)
	reISO   = regexp.MustCompile(`^(?:A\.?)?0*(\d+)\.0*(\d+)(?:\.0*(\d+))?$`)
	reCSF   = regexp.MustCompile(`^([A-Z]{2})(?:\.([A-Z]{2})(?:[-.]0*(\d+))?)?$`)
	re80053 = regexp.MustCompile(`^([A-Z]{2})-?0*(\d+)(?:\(0*(\d+)\)|\.0*(\d+))?$`)
)

// squeeze upper-cases id and drops every white-space character.
func squeeze(id string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00a0' {
			return -1
		}
		return r
	}, strings.ToUpper(id))
}

// num renders a decimal string without leading zeros ("007" → "7", "0" → "0").
func num(s string) string {
	n, err := strconv.Atoi(s)
	if err != nil {
		return s
	}
	return strconv.Itoa(n)
}

func canonSOC2(id string) (string, bool) {
	m := reSOC2.FindStringSubmatch(squeeze(id))
	if m == nil {
		return "", false
	}
	return m[1] + num(m[2]) + "." + num(m[3]), true
}

// canonISO handles both the 2022 form (A.8.24) and the 2013 form (A.9.4.2).
func canonISO(id string) (string, bool) {
	m := reISO.FindStringSubmatch(squeeze(id))
	if m == nil {
		return "", false
	}
	s := "A." + num(m[1]) + "." + num(m[2])
	if m[3] != "" {
		s += "." + num(m[3])
	}
	return s, true
}

// canonCSF returns a CSF canonicalizer: CSF 2.0 zero-pads subcategory
// numbers to two digits (PR.DS-01), CSF 1.1 does not (PR.DS-1).
func canonCSF(pad bool) func(string) (string, bool) {
	return func(id string) (string, bool) {
		m := reCSF.FindStringSubmatch(squeeze(id))
		if m == nil {
			return "", false
		}
		s := m[1]
		if m[2] != "" {
			s += "." + m[2]
		}
		if m[3] != "" {
			n, err := strconv.Atoi(m[3])
			if err != nil {
				return "", false
			}
			if pad {
				s += fmt.Sprintf("-%02d", n)
			} else {
				s += "-" + strconv.Itoa(n)
			}
		}
		return s, true
	}
}

func canon80053(id string) (string, bool) {
	m := re80053.FindStringSubmatch(squeeze(id))
	if m == nil {
		return "", false
	}
	s := m[1] + "-" + num(m[2])
	switch {
	case m[3] != "":
		s += "(" + num(m[3]) + ")"
	case m[4] != "":
		s += "(" + num(m[4]) + ")"
	}
	return s, true
}

// groupOf is the group key (see fwData.groups) of a canonical ID, derived
// from its spelling alone so that it works for IDs the catalog lacks.
func groupOf(framework, id string) string {
	switch framework {
	case FrameworkISO27001_2013, model.FrameworkISO27001:
		if i := strings.LastIndexByte(id, '.'); i > 0 {
			return id[:i]
		}
	case FrameworkNISTCSF11, model.FrameworkNISTCSF:
		if i := strings.LastIndexByte(id, '-'); i > 0 {
			return id[:i]
		}
		if i := strings.LastIndexByte(id, '.'); i > 0 {
			return id[:i]
		}
	case model.FrameworkSOC2:
		if i := strings.LastIndexByte(id, '.'); i > 0 {
			return id[:i]
		}
	case model.FrameworkNIST80053:
		if i := strings.IndexByte(id, '('); i > 0 {
			return id[:i]
		}
		if i := strings.IndexByte(id, '-'); i > 0 {
			return id[:i]
		}
	}
	return ""
}
