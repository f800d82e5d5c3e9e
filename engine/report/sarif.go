package report

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/url"
	"sort"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/gatehq/gate/engine"
	"github.com/gatehq/gate/engine/model"
)

// SRCROOT is the uriBaseId of every location: paths are relative to the
// repository root, which GitHub code scanning resolves.
const SRCROOT = "%SRCROOT%"

// securitySeverity is the CVSS-like score GitHub code scanning reads from
// properties.security-severity to rank results.
func securitySeverity(s model.Severity) string {
	switch s {
	case model.SeverityCritical:
		return "9.5"
	case model.SeverityHigh:
		return "8.0"
	case model.SeverityMedium:
		return "5.5"
	case model.SeverityLow:
		return "3.0"
	}
	return "0.0"
}

func level(f *model.Finding) string {
	switch {
	case f.Verdict == model.VerdictUnknown:
		return "note"
	case f.Blocking:
		return "error"
	case f.Severity.Rank() >= model.SeverityMedium.Rank():
		return "warning"
	}
	return "note"
}

func defaultLevel(s model.Severity) string {
	switch {
	case s.Rank() >= model.SeverityHigh.Rank():
		return "error"
	case s.Rank() >= model.SeverityMedium.Rank():
		return "warning"
	}
	return "note"
}

// uri turns a root-relative path into a relative URI reference. A first
// segment holding a colon gets "./" (else "a:b/c.tf" reads as scheme "a"),
// and leading slashes collapse to one (else "//x/y" reads as host "x").
func uri(p string) string {
	u := url.URL{Path: p}
	s := u.EscapedPath()
	if strings.HasPrefix(s, "//") {
		return "/" + strings.TrimLeft(s, "/")
	}
	if first, _, _ := strings.Cut(s, "/"); strings.Contains(first, ":") {
		return "./" + s
	}
	return s
}

func physical(p model.Position) *sarif.PhysicalLocation {
	pl := sarif.NewPhysicalLocation().WithArtifactLocation(
		sarif.NewSimpleArtifactLocation(uri(p.File)).WithUriBaseId(SRCROOT))
	if p.Line > 0 {
		r := sarif.NewRegion().WithStartLine(p.Line)
		if p.Column > 0 {
			r.WithStartColumn(p.Column)
		}
		if p.EndLine >= p.Line {
			r.WithEndLine(p.EndLine)
			if p.EndColumn > 0 {
				r.WithEndColumn(p.EndColumn)
			}
		}
		pl.WithRegion(r)
	}
	return pl
}

// SARIF writes SARIF 2.1.0 for GitHub code scanning: one run, every
// evaluated rule with its controls as tags, results sorted, fingerprints
// stable across line shifts, no timestamps.
func SARIF(w io.Writer, res *engine.Result, meta Meta) error {
	rep, err := sarif.New(sarif.Version210, true)
	if err != nil {
		return fmt.Errorf("sarif: %w", err)
	}
	driver := sarif.NewVersionedDriver("gate", meta.Version).
		WithInformationURI("https://github.com/gatehq/gate").
		WithSemanticVersion(meta.Version)
	run := sarif.NewRun(*sarif.NewTool(driver))
	run.WithColumnKind("unicodeCodePoints")
	run.WithOriginalUriBaseIds(map[string]*sarif.ArtifactLocation{
		SRCROOT: {Description: sarif.NewTextMessage("The repository root")},
	})

	rules := append([]*model.Rule(nil), res.Rules...)
	// Findings may name rules outside the evaluated set (input errors).
	have := map[string]bool{}
	for _, r := range rules {
		have[r.ID] = true
	}
	for _, f := range res.Findings {
		if !have[f.RuleID] {
			have[f.RuleID] = true
			rules = append(rules, &model.Rule{ID: f.RuleID, Title: f.Title, Description: f.Title,
				Severity: f.Severity, Remediation: f.Remediation, Controls: f.Controls})
		}
	}
	sort.Slice(rules, func(i, j int) bool { return rules[i].ID < rules[j].ID })
	index := map[string]int{}
	for i, r := range rules {
		index[r.ID] = i
		desc := r.Description
		if desc == "" {
			desc = r.Title
		}
		help := r.Remediation
		if help == "" {
			help = desc
		}
		md := fmt.Sprintf("**%s** (%s)\n\n%s\n\n**Remediation**\n\n%s\n\n**Controls**: %s\n",
			r.Title, r.Severity, desc, help, controlsLine(r.Controls))
		pb := sarif.NewPropertyBag()
		tags := append([]string{"security", "compliance"}, r.Controls.Tags()...)
		pb.Add("tags", tags)
		pb.Add("security-severity", securitySeverity(r.Severity))
		pb.Add("precision", "high")
		pb.Add("problem.severity", defaultLevel(r.Severity))
		rd := run.AddRule(r.ID).
			WithName(ruleName(r.ID)).
			WithShortDescription(sarif.NewMultiformatMessageString(r.Title)).
			WithFullDescription(sarif.NewMultiformatMessageString(desc)).
			WithHelp(sarif.NewMultiformatMessageString(help).WithMarkdown(md)).
			WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(defaultLevel(r.Severity)))
		rd.WithProperties(pb.Properties)
	}

	for i := range res.Findings {
		f := &res.Findings[i]
		r := sarif.NewRuleResult(f.RuleID).
			WithRuleIndex(index[f.RuleID]).
			WithLevel(level(f)).
			WithMessage(sarif.NewTextMessage(f.Message))
		if f.Verdict == model.VerdictUnknown {
			r.WithKind("review")
		}
		loc := sarif.NewLocationWithPhysicalLocation(physical(f.Location))
		if f.Subject != "" {
			loc.WithLogicalLocations([]*sarif.LogicalLocation{
				sarif.NewLogicalLocation().WithFullyQualifiedName(f.Subject).WithKind("resource"),
			})
		}
		r.WithLocations([]*sarif.Location{loc})
		for j, rel := range f.Related {
			r.AddRelatedLocation(sarif.NewLocationWithPhysicalLocation(physical(rel)).WithId(j + 1).
				WithMessage(sarif.NewTextMessage("planned change")))
		}
		r.WithPartialFingerPrints(map[string]interface{}{"gate/v1": f.Fingerprint})
		if f.Suppression != nil {
			kind := f.Suppression.Kind
			if kind != "inSource" {
				kind = "external"
			}
			// Every field is set: the library writes absent ones as null,
			// which the SARIF schema rejects.
			sloc := f.Suppression.Location
			if sloc.File == "" {
				sloc = f.Location
			}
			s := sarif.NewSuppression(kind).WithJustifcation(f.Suppression.Justification).WithStatus("accepted").
				WithLocation(sarif.NewLocationWithPhysicalLocation(physical(sloc))).
				WithGuid(guid(f.Fingerprint + f.Suppression.Kind))
			r.WithSuppression([]*sarif.Suppression{s})
		}
		if f.InBaseline {
			r.WithBaselineState("unchanged")
		}
		pb := sarif.NewPropertyBag()
		pb.Add("tags", f.Controls.Tags())
		pb.Add("subject", f.Subject)
		if f.Attribute != "" {
			pb.Add("attribute", f.Attribute)
		}
		pb.Add("severity", string(f.Severity))
		pb.Add("verdict", string(f.Verdict))
		pb.Add("blocking", f.Blocking)
		r.AttachPropertyBag(pb)
		run.AddResult(r)
	}

	inv := run.AddInvocation(len(res.RuleErrors) == 0 && countExplicit(res) == 0)
	var notes []*sarif.Notification
	for _, e := range res.InputErrors {
		n := sarif.NewNotification().WithLevel("error").WithMessage(sarif.NewTextMessage(e.Error()))
		n.WithLocations([]*sarif.Location{sarif.NewLocationWithPhysicalLocation(physical(model.Position{File: e.Path, Line: e.Line, Column: e.Column}))})
		notes = append(notes, n)
	}
	for _, e := range res.RuleErrors {
		notes = append(notes, sarif.NewNotification().WithLevel("error").WithMessage(sarif.NewTextMessage(e)))
	}
	for _, n := range res.Notices {
		notes = append(notes, sarif.NewNotification().WithLevel("note").WithMessage(sarif.NewTextMessage(n)))
	}
	if len(notes) > 0 {
		inv.WithToolExecutionNotifications(notes)
	}
	rep.AddRun(run)
	return rep.PrettyWrite(w)
}

// guid derives a stable RFC 4122-shaped identifier from a fingerprint.
func guid(seed string) string {
	h := sha256.Sum256([]byte(seed))
	x := hex.EncodeToString(h[:16])
	return x[0:8] + "-" + x[8:12] + "-4" + x[13:16] + "-8" + x[17:20] + "-" + x[20:32]
}

// ruleName turns GATE-AWS-S3-001 into a name GitHub shows: GateAwsS3001.
func ruleName(id string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(id, func(r rune) bool { return r == '-' || r == '_' || r == '.' }) {
		if part == "" {
			continue
		}
		b.WriteString(strings.ToUpper(part[:1]) + strings.ToLower(part[1:]))
	}
	return b.String()
}
