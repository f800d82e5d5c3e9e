package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/gatehq/gate/engine"
	"github.com/gatehq/gate/engine/model"
)

func sampleResult() *engine.Result {
	ctl := model.Controls{
		model.FrameworkSOC2: {"CC6.1"}, model.FrameworkISO27001: {"A.8.24"},
		model.FrameworkNISTCSF: {"PR.DS-01"}, model.FrameworkNIST80053: {"SC-28"},
	}
	rule := &model.Rule{ID: "GATE-AWS-S3-002", Title: "S3 bucket has default encryption", Description: "d",
		Severity: model.SeverityHigh, Remediation: "Add encryption:\n```hcl\nx\n```", Controls: ctl, Kind: model.KindTerraform}
	rule2 := &model.Rule{ID: "GATE-GH-001", Title: "Default branch is protected", Description: "d",
		Severity: model.SeverityMedium, Remediation: "Protect it.", Controls: ctl, Kind: model.KindGitHub}
	return &engine.Result{
		Rules:  []*model.Rule{rule, rule2},
		FailOn: model.SeverityHigh,
		Findings: []model.Finding{
			{RuleID: rule.ID, Title: rule.Title, Severity: rule.Severity, Verdict: model.VerdictFail, Blocking: true,
				Message: "S3 bucket aws_s3_bucket.logs has no default encryption", Subject: "aws_s3_bucket.logs",
				Attribute: "server_side_encryption_configuration", Document: "plan.json", Remediation: rule.Remediation,
				Location: model.Position{File: "infra/main.tf", Line: 12, Column: 1},
				Related:  []model.Position{{File: "plan.json", Line: 40, Column: 7}}, Controls: ctl, Fingerprint: "aa"},
			{RuleID: rule.ID, Title: rule.Title, Severity: rule.Severity, Verdict: model.VerdictExcepted,
				Message: "S3 bucket aws_s3_bucket.tmp has no default encryption", Subject: "aws_s3_bucket.tmp",
				Document: "plan.json", Location: model.Position{File: "infra/main.tf", Line: 30}, Controls: ctl, Fingerprint: "bb",
				Suppression: &model.Suppression{Kind: "inSource", RuleID: rule.ID, Justification: "scratch bucket", Until: "2027-01-31",
					Location: model.Position{File: "infra/main.tf", Line: 29}}},
			{RuleID: rule2.ID, Title: rule2.Title, Severity: rule2.Severity, Verdict: model.VerdictUnknown,
				Message: "token lacks administration:read", Subject: "acme/app@main", Document: "github:acme/app",
				Location: model.Position{File: ".github/CODEOWNERS"}, Controls: ctl, Fingerprint: "cc", InBaseline: true},
		},
		InputErrors: []*model.InputError{{Path: "bad.tfplan.json", Line: 3, Column: 5, Err: errors.New("invalid JSON")}},
		Notices:     []string{"infra/main.tf:50: exception for GATE-AWS-S3-001 expired on 2026-01-01"},
		Verdicts:    map[string]model.Verdict{rule.ID: model.VerdictFail, rule2.ID: model.VerdictUnknown},
	}
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("../../fixtures/sarif/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	const url = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// ValidateSARIF checks b against the SARIF 2.1.0 schema.
func validateSARIF(t *testing.T, s *jsonschema.Schema, b []byte) {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(v); err != nil {
		t.Fatalf("SARIF does not validate against the 2.1.0 schema:\n%v", err)
	}
}

func TestSARIFValidatesAndIsDeterministic(t *testing.T) {
	schema := compileSchema(t)
	tests := []struct {
		name string
		res  *engine.Result
	}{
		{"full", sampleResult()},
		{"empty", &engine.Result{FailOn: model.SeverityHigh, Verdicts: map[string]model.Verdict{}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var a, b bytes.Buffer
			if err := SARIF(&a, tc.res, Meta{Version: "1.2.3"}); err != nil {
				t.Fatal(err)
			}
			validateSARIF(t, schema, a.Bytes())
			if err := SARIF(&b, tc.res, Meta{Version: "1.2.3"}); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Fatal("two writes of the same result differ")
			}
		})
	}
}

// TestSchemaRejectsBrokenSARIF proves the validation can fail.
func TestSchemaRejectsBrokenSARIF(t *testing.T) {
	schema := compileSchema(t)
	v, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"version":"2.1.0","runs":[{"tool":{"driver":{}},"results":[{"level":"fatal","message":{}}]}]}`))
	if err := schema.Validate(v); err == nil {
		t.Fatal("a broken SARIF document validated")
	}
}

func TestSARIFContent(t *testing.T) {
	var buf bytes.Buffer
	if err := SARIF(&buf, sampleResult(), Meta{Version: "1.2.3"}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID         string         `json:"id"`
						Properties map[string]any `json:"properties"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID              string            `json:"ruleId"`
				Level               string            `json:"level"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
				Suppressions        []struct {
					Kind          string `json:"kind"`
					Justification string `json:"justification"`
				} `json:"suppressions"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine int `json:"startLine"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				RelatedLocations []any `json:"relatedLocations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	run := doc.Runs[0]
	rule := run.Tool.Driver.Rules[0]
	if rule.Properties["security-severity"] != "8.0" {
		t.Errorf("security-severity = %v", rule.Properties["security-severity"])
	}
	tags, _ := json.Marshal(rule.Properties["tags"])
	for _, want := range []string{"soc2:CC6.1", "iso27001:A.8.24", "nist-csf:PR.DS-01", "nist-800-53:SC-28"} {
		if !strings.Contains(string(tags), want) {
			t.Errorf("tags %s lack %s", tags, want)
		}
	}
	r0 := run.Results[0]
	if r0.Level != "error" || r0.PartialFingerprints["gate/v1"] != "aa" {
		t.Errorf("blocking result: level %q fingerprints %v", r0.Level, r0.PartialFingerprints)
	}
	loc := r0.Locations[0].PhysicalLocation
	if loc.ArtifactLocation.URI != "infra/main.tf" || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || loc.Region.StartLine != 12 {
		t.Errorf("location = %+v", loc)
	}
	if len(r0.RelatedLocations) != 1 {
		t.Errorf("related locations = %v, want the plan", r0.RelatedLocations)
	}
	if s := run.Results[1].Suppressions; len(s) != 1 || s[0].Kind != "inSource" || s[0].Justification != "scratch bucket" {
		t.Errorf("suppressions = %+v", s)
	}
	if run.Results[2].Level != "note" {
		t.Errorf("unknown verdict level = %q, want note", run.Results[2].Level)
	}
}

func TestText(t *testing.T) {
	var buf bytes.Buffer
	if err := Text(&buf, sampleResult(), Meta{Version: "1.2.3"}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"HIGH (1)", "✗ GATE-AWS-S3-002", "[blocking]", "aws_s3_bucket.logs  infra/main.tf:12:1", "also: plan.json:40:7",
		"controls: SOC 2 CC6.1 · ISO 27001 A.8.24 · CSF 2.0 PR.DS-01 · 800-53 SC-28", "fix: Add encryption",
		"UNKNOWN (could not tell) (1)", "EXCEPTED (1)", `excepted: "scratch bucket" until 2027-01-31`, "NOTICES",
		"1 blocking", "exit 1: 1 blocking finding(s) at --fail-on high",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
}

func TestJSONAndMarkdown(t *testing.T) {
	var j bytes.Buffer
	if err := JSON(&j, sampleResult(), Meta{Version: "1.2.3"}); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(j.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc["exit_code"] != float64(1) || len(doc["findings"].([]any)) != 3 || len(doc["input_errors"].([]any)) != 1 {
		t.Errorf("json report: exit %v findings %d", doc["exit_code"], len(doc["findings"].([]any)))
	}
	var md bytes.Buffer
	if err := Markdown(&md, sampleResult(), Meta{Version: "1.2.3"}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"## ❌ gate:", "### Blocking (1)", "### Controls", "| SOC 2 |"} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("markdown lacks %q:\n%s", want, md.String())
		}
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	if err := Write(&bytes.Buffer{}, "xml", sampleResult(), Meta{}); err == nil {
		t.Fatal("unknown format accepted")
	}
}
