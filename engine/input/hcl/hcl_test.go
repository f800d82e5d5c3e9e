package hcl

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/gatehq/gate/engine/model"
)

// repoRoot is the scan root of the fixture tests, so that positions read
// fixtures/terraform/hcl/<case>/<file>.
func repoRoot(t testing.TB) string {
	t.Helper()
	root, err := filepath.Abs("../../..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

func fixtureDir(t testing.TB, name string) string {
	return filepath.Join(repoRoot(t), "fixtures", "terraform", "hcl", name)
}

func readFixture(t *testing.T, name string, varFiles ...string) (*model.Document, []*model.InputError) {
	t.Helper()
	return ReadDir(context.Background(), fixtureDir(t, name), Options{Root: repoRoot(t), VarFiles: varFiles})
}

// mustRead reads a fixture that must read without input errors.
func mustRead(t *testing.T, name string, varFiles ...string) *model.Document {
	t.Helper()
	doc, errs := readFixture(t, name, varFiles...)
	for _, e := range errs {
		t.Errorf("unexpected input error: %v", e)
	}
	if doc == nil {
		t.Fatalf("%s: no document", name)
	}
	if _, err := json.Marshal(doc.Input); err != nil {
		t.Fatalf("%s: input is not JSON-shaped: %v", name, err)
	}
	return doc
}

func resources(doc *model.Document) []map[string]any {
	var out []map[string]any
	for _, r := range doc.Input["resources"].([]any) {
		out = append(out, r.(map[string]any))
	}
	return out
}

func addresses(doc *model.Document) []string {
	var out []string
	for _, r := range resources(doc) {
		out = append(out, r["address"].(string))
	}
	return out
}

func resource(t *testing.T, doc *model.Document, addr string) map[string]any {
	t.Helper()
	for _, r := range resources(doc) {
		if r["address"] == addr {
			return r
		}
	}
	t.Fatalf("no resource %s in %v", addr, addresses(doc))
	return nil
}

// at follows a path of keys and indices through JSON-shaped values.
func at(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				return fmt.Sprintf("<no %q in %T>", k, v)
			}
			var present bool
			v, present = m[k]
			if !present {
				return "<absent>"
			}
		case int:
			l, ok := v.([]any)
			if !ok || k >= len(l) {
				return fmt.Sprintf("<no [%d] in %v>", k, v)
			}
			v = l[k]
		}
	}
	return v
}

func hasNote(doc *model.Document, substr string) bool {
	for _, n := range doc.Notes {
		if strings.Contains(n, substr) {
			return true
		}
	}
	return false
}

type valueCase struct {
	addr string
	path []any
	want any
}

func checkValues(t *testing.T, doc *model.Document, cases []valueCase) {
	t.Helper()
	for _, c := range cases {
		got := at(resource(t, doc, c.addr), c.path...)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s %v = %#v, want %#v", c.addr, c.path, got, c.want)
		}
	}
}

func TestValues(t *testing.T) {
	doc := mustRead(t, "values")
	if doc.Kind != model.KindTerraform || doc.Source != "hcl" || doc.Path != "fixtures/terraform/hcl/values" {
		t.Errorf("document header = %q %q %q", doc.Kind, doc.Source, doc.Path)
	}
	for k, want := range map[string]any{"kind": "terraform", "source": "hcl", "path": "fixtures/terraform/hcl/values"} {
		if doc.Input[k] != want {
			t.Errorf("input[%s] = %v, want %v", k, doc.Input[k], want)
		}
	}
	b := "aws_s3_bucket.logs"
	sg := "aws_security_group.web"
	checkValues(t, doc, []valueCase{
		{b, []any{"address"}, b},
		{b, []any{"config_address"}, b},
		{b, []any{"module"}, ""},
		{b, []any{"mode"}, "managed"},
		{b, []any{"type"}, "aws_s3_bucket"},
		{b, []any{"name"}, "logs"},
		{b, []any{"index"}, nil},
		{b, []any{"provider"}, "aws"},
		{b, []any{"action"}, "source"},
		{b, []any{"refs"}, map[string]any{}},
		{b, []any{"values", "bucket"}, "acme-logs"},
		{b, []any{"values", "force_destroy"}, false},
		{b, []any{"values", "object_lock_enabled"}, nil},
		{b, []any{"values", "acl"}, "<absent>"},
		{b, []any{"values", "tags"}, map[string]any{"env": "prod", "cost-center": float64(42)}},
		{b, []any{"values", "versioning"}, []any{map[string]any{"enabled": true}}},
		{b, []any{"values", "lifecycle_rule", 0, "expiration", 0, "days"}, float64(90)},
		{b, []any{"values", "lifecycle_rule", 1, "id"}, "archive"},
		{b, []any{"values", "lifecycle"}, "<absent>"},
		{sg, []any{"values", "name"}, "web-SG"},
		{sg, []any{"values", "description"}, "Web tier\n"},
		{sg, []any{"values", "ingress", 0, "cidr_blocks"}, []any{"0.0.0.0/0", "10.0.0.0/8"}},
		{sg, []any{"values", "ingress", 0, "from_port"}, float64(443)},
		{sg, []any{"values", "ratio"}, 0.25},
		{sg, []any{"values", "neg"}, float64(-7)},
		{sg, []any{"values", "huge"}, json.Number("123456789012345678901234567890")},
		{sg, []any{"values", "precise"}, json.Number("0.1000000000000000000001")},
		{sg, []any{"values", "policy"}, `{"Statement":[],"Version":"2012-10-17"}`},
	})

	posCases := []struct {
		subject, attr string
		line, col     int
	}{
		{b, "", 1, 1},
		{b, "bucket", 2, 3},
		{b, "tags", 6, 3},
		{b, "tags.env", 7, 5},
		{b, "tags.cost-center", 8, 5},
		{b, "versioning", 11, 3},
		{b, "versioning[0]", 11, 3},
		{b, "versioning[0].enabled", 12, 5},
		{b, "lifecycle_rule[1]", 23, 3},
		{b, "lifecycle_rule[0].expiration[0].days", 19, 7},
		{sg, "ingress[0].cidr_blocks", 42, 5},
		{sg, "ingress[0].cidr_blocks[1]", 42, 33},
	}
	for _, c := range posCases {
		key := c.subject
		if c.attr != "" {
			key += model.PathSep + c.attr
		}
		p, ok := doc.Positions[key]
		if !ok {
			t.Errorf("no position for %s %q", c.subject, c.attr)
			continue
		}
		if p.File != "fixtures/terraform/hcl/values/main.tf" || p.Line != c.line || p.Column != c.col {
			t.Errorf("position of %s %q = %s, want main.tf:%d:%d", c.subject, c.attr, p, c.line, c.col)
		}
	}
	if len(doc.Files) != 1 || doc.Files[0].Path != "fixtures/terraform/hcl/values/main.tf" ||
		len(doc.Files[0].SHA256) != 64 || doc.Files[0].Size == 0 {
		t.Errorf("files = %+v", doc.Files)
	}
}

func TestUnknownsAndRefs(t *testing.T) {
	doc := mustRead(t, "unknowns")
	sse := "aws_s3_bucket_server_side_encryption_configuration.this"
	pol := "aws_s3_bucket_policy.this"
	data := "data.aws_iam_policy_document.read"
	checkValues(t, doc, []valueCase{
		{sse, []any{"values", "bucket"}, model.Unknown},
		{sse, []any{"refs", "bucket"}, []any{"aws_s3_bucket.this"}},
		{sse, []any{"values", "rule", 0, "apply_server_side_encryption_by_default", 0, "sse_algorithm"}, "aws:kms"},
		{sse, []any{"values", "rule", 0, "apply_server_side_encryption_by_default", 0, "kms_master_key_id"}, model.Unknown},
		{sse, []any{"refs", "rule.apply_server_side_encryption_by_default.kms_master_key_id"}, []any{"aws_kms_key.this"}},
		{pol, []any{"values", "policy"}, model.Unknown},
		{pol, []any{"refs", "policy"}, []any{data}},
		{pol, []any{"values", "tags"}, map[string]any{"owner": "data-team", "key": model.Unknown}},
		{pol, []any{"refs", "tags"}, "<absent>"},
		{pol, []any{"values", "list"}, []any{"fixed", model.Unknown}},
		{pol, []any{"refs", "list"}, []any{"aws_kms_key.this"}},
		{pol, []any{"values", "upper_id"}, model.Unknown},
		{pol, []any{"values", "length"}, model.Unknown},
		{data, []any{"mode"}, "data"},
		{data, []any{"config_address"}, data},
		{data, []any{"values", "statement", 0, "actions"}, []any{"s3:GetObject"}},
		{data, []any{"values", "statement", 0, "resources"}, []any{model.Unknown}},
		{data, []any{"refs", "statement.resources"}, []any{"aws_s3_bucket.this"}},
	})
	if got := doc.Input["variables"]; !reflect.DeepEqual(got, map[string]any{"kms_key_arn": model.Unknown}) {
		t.Errorf("variables = %v", got)
	}
}

func TestExpansion(t *testing.T) {
	doc := mustRead(t, "expansion")
	want := []string{
		"aws_s3_bucket.counted[0]", "aws_s3_bucket.counted[1]",
		`aws_s3_bucket.mapped["logs"]`, `aws_s3_bucket.mapped["media"]`,
		`aws_iam_user.set["alice"]`, `aws_iam_user.set["bob"]`,
		"aws_s3_bucket.maybe",
		"aws_s3_bucket.per_key",
		`aws_s3_bucket.special["a\"b"]`, `aws_s3_bucket.special["x$${y}"]`,
	}
	if got := addresses(doc); !reflect.DeepEqual(got, want) {
		t.Errorf("addresses = %q\nwant %q", got, want)
	}
	checkValues(t, doc, []valueCase{
		{"aws_s3_bucket.counted[1]", []any{"index"}, float64(1)},
		{"aws_s3_bucket.counted[1]", []any{"config_address"}, "aws_s3_bucket.counted"},
		{"aws_s3_bucket.counted[1]", []any{"values", "bucket"}, "counted-1"},
		{`aws_s3_bucket.mapped["media"]`, []any{"index"}, "media"},
		{`aws_s3_bucket.mapped["media"]`, []any{"values"}, map[string]any{"bucket": "media", "tags": map[string]any{"versioned": false}}},
		{`aws_iam_user.set["bob"]`, []any{"values", "name"}, "bob"},
		{"aws_s3_bucket.maybe", []any{"index"}, nil},
		{"aws_s3_bucket.maybe", []any{"values", "bucket"}, model.Unknown},
		{"aws_s3_bucket.per_key", []any{"refs", "bucket"}, []any{"aws_kms_key.k"}},
		{`aws_s3_bucket.special["x$${y}"]`, []any{"index"}, "x${y}"},
	})
	for _, n := range []string{
		"aws_s3_bucket.maybe: count is not known before apply; read as one instance with index null",
		"aws_s3_bucket.per_key: for_each is not known before apply",
	} {
		if !hasNote(doc, n) {
			t.Errorf("no note %q in %q", n, doc.Notes)
		}
	}
	for _, addr := range []string{"aws_s3_bucket.counted[1]", "aws_s3_bucket.counted"} {
		if p := doc.Positions[addr+model.PathSep+"bucket"]; p.Line != 14 {
			t.Errorf("position of %s bucket = %s, want line 14", addr, p)
		}
	}
}

func TestDynamicBlocks(t *testing.T) {
	doc := mustRead(t, "dynamic")
	checkValues(t, doc, []valueCase{
		{"aws_security_group.known", []any{"values", "ingress"}, []any{
			map[string]any{"from_port": float64(80), "to_port": float64(80), "cidr_blocks": []any{"10.0.0.0/8"}},
			map[string]any{"from_port": float64(22), "to_port": float64(22), "cidr_blocks": []any{"0.0.0.0/0"}, "description": "rule 0"},
			map[string]any{"from_port": float64(443), "to_port": float64(443), "cidr_blocks": []any{"0.0.0.0/0"}, "description": "rule 1"},
		}},
		{"aws_security_group.unknown", []any{"values", "ingress"}, []any{model.Unknown}},
		{"aws_security_group.from_resource", []any{"values", "egress"}, []any{model.Unknown}},
		{"aws_security_group.from_resource", []any{"refs", "egress"}, []any{"aws_vpc.main"}},
		{"aws_s3_bucket.nested", []any{"values", "lifecycle_rule"}, []any{
			map[string]any{"id": "a", "transition": []any{map[string]any{"days": float64(30)}}},
			map[string]any{"id": "b", "transition": []any{map[string]any{"days": float64(60)}}},
		}},
	})
	p := doc.Positions["aws_security_group.known"+model.PathSep+"ingress[2].from_port"]
	if p.Line != 22 {
		t.Errorf("position of dynamic ingress[2].from_port = %s, want line 22", p)
	}
}

func TestTfvarsPrecedence(t *testing.T) {
	extra := filepath.Join(fixtureDir(t, "tfvars"), "extra.tfvars")
	doc := mustRead(t, "tfvars", extra)
	checkValues(t, doc, []valueCase{
		// a: terraform.tfvars; b: terraform.tfvars.json over it; c: 1.auto
		// over both; d: 2.auto over 1.auto; f: -var-file over the default.
		{"aws_s3_bucket.b", []any{"values", "bucket"}, "tfvars-a|json-b|auto1-c|auto2-d|extra-f"},
		// "5" from tfvars converted to the declared number type.
		{"aws_s3_bucket.b", []any{"values", "replicas"}, float64(6)},
		{"aws_s3_bucket.b", []any{"values", "password"}, Sensitive},
	})
	vars := doc.Input["variables"].(map[string]any)
	if vars["e"] != float64(5) || vars["secret"] != Sensitive || vars["f"] != "extra-f" {
		t.Errorf("variables = %v", vars)
	}
	var paths []string
	for _, f := range doc.Files {
		paths = append(paths, strings.TrimPrefix(f.Path, "fixtures/terraform/hcl/tfvars/"))
	}
	want := []string{"1.auto.tfvars", "2.auto.tfvars", "extra.tfvars", "terraform.tfvars", "terraform.tfvars.json", "variables.tf"}
	if !reflect.DeepEqual(paths, want) {
		t.Errorf("files = %v, want %v", paths, want)
	}

	// Without the -var-file the default stays.
	doc = mustRead(t, "tfvars")
	checkValues(t, doc, []valueCase{{"aws_s3_bucket.b", []any{"values", "bucket"}, "tfvars-a|json-b|auto1-c|auto2-d|default-f"}})

	// A -var-file that does not exist is an explicit input error.
	_, errs := readFixture(t, "tfvars", filepath.Join(fixtureDir(t, "tfvars"), "missing.tfvars"))
	if len(errs) != 1 || !errs[0].Explicit || !strings.Contains(errs[0].Path, "missing.tfvars") {
		t.Errorf("errors for a missing var file = %v", errs)
	}
}

func TestLocals(t *testing.T) {
	doc := mustRead(t, "locals")
	checkValues(t, doc, []valueCase{
		{"aws_s3_bucket.b", []any{"values", "bucket"}, "acme-PROD"},
		{"aws_s3_bucket.b", []any{"values", "tags"}, map[string]any{"acme-x": float64(6), "acme-y": float64(6)}},
		{"aws_s3_bucket.b", []any{"values", "loop"}, model.Unknown},
	})
	if !hasNote(doc, "local.loop_a is part of a dependency cycle") {
		t.Errorf("no cycle note in %q", doc.Notes)
	}
}

func TestModules(t *testing.T) {
	doc, errs := readFixture(t, "module")
	if len(errs) != 1 || errs[0].Path != "fixtures/terraform/hcl/module/main.tf" || errs[0].Line != 33 ||
		!strings.Contains(errs[0].Error(), "module.missing") {
		t.Fatalf("errors = %v, want one for module.missing at main.tf:33", errs)
	}
	want := []string{
		"aws_kms_key.db",
		"module.db.aws_db_instance.this[0]", "module.db.aws_kms_key.this", "module.db.aws_db_parameter_group.this",
		"module.net[0].aws_vpc.this", "module.net[1].aws_vpc.this",
	}
	if got := addresses(doc); !reflect.DeepEqual(got, want) {
		t.Errorf("addresses = %q\nwant %q", got, want)
	}
	db := "module.db.aws_db_instance.this[0]"
	checkValues(t, doc, []valueCase{
		{db, []any{"config_address"}, "module.db.aws_db_instance.this"},
		{db, []any{"module"}, "module.db"},
		{db, []any{"index"}, float64(0)},
		{db, []any{"values", "identifier"}, "orders-0"},
		{db, []any{"values", "storage_encrypted"}, false},
		{db, []any{"values", "kms_key_id"}, model.Unknown},
		{db, []any{"refs", "kms_key_id"}, []any{"aws_kms_key.db"}},
		{"module.db.aws_db_parameter_group.this", []any{"refs", "description"}, []any{"module.db.aws_kms_key.this"}},
		{"module.net[1].aws_vpc.this", []any{"module"}, "module.net[1]"},
		{"module.net[1].aws_vpc.this", []any{"config_address"}, "module.net.aws_vpc.this"},
		{"module.net[1].aws_vpc.this", []any{"values", "cidr_block"}, "10.1.0.0/16"},
	})
	for _, subject := range []string{db, "module.db.aws_db_instance.this"} {
		p, ok := doc.Positions.Locate(subject, "storage_encrypted")
		if !ok || p.File != "fixtures/terraform/hcl/module/modules/db/main.tf" || p.Line != 20 {
			t.Errorf("position of %s storage_encrypted = %s", subject, p)
		}
		p, ok = doc.Positions.Locate(subject, "")
		if !ok || p.File != "fixtures/terraform/hcl/module/modules/db/main.tf" || p.Line != 17 || p.Column != 1 {
			t.Errorf("position of %s = %s", subject, p)
		}
	}
	wantModules := []any{
		map[string]any{"address": "module.db", "source": "./modules/db", "followed": true},
		map[string]any{"address": "module.net", "source": "./modules/net", "followed": true},
		map[string]any{"address": "module.vpc", "source": "terraform-aws-modules/vpc/aws", "followed": false, "reason": "remote module source not followed"},
		map[string]any{"address": "module.gh", "source": "git::https://example.com/mod.git", "followed": false, "reason": "remote module source not followed"},
		map[string]any{"address": "module.missing", "source": "./modules/missing", "followed": false, "reason": "local module directory not readable"},
	}
	if got := doc.Input["modules"]; !reflect.DeepEqual(got, wantModules) {
		t.Errorf("modules = %v", got)
	}
	if !hasNote(doc, `module.vpc: remote module source "terraform-aws-modules/vpc/aws" not followed`) {
		t.Errorf("no remote module note in %q", doc.Notes)
	}
	if len(doc.Files) != 3 {
		t.Errorf("files = %v, want the three .tf files", doc.Files)
	}
	if !hasNote(doc, "fixtures/terraform/hcl/module/extra.tf.json: JSON configuration files (*.tf.json) are not read") {
		t.Errorf("no note for the .tf.json file in %q", doc.Notes)
	}
	// A suppression in a child module names the module-qualified block.
	wantSupp := []model.Suppression{{Kind: "inSource", RuleID: "GATE-AWS-KMS-001",
		Justification: "rotation handled by the platform team",
		Location:      model.Position{File: "fixtures/terraform/hcl/module/modules/db/main.tf", Line: 24, Column: 1},
		Subject:       "module.db.aws_kms_key.this"}}
	if !reflect.DeepEqual(doc.Suppressions, wantSupp) {
		t.Errorf("suppressions = %+v", doc.Suppressions)
	}
}

func TestSuppressions(t *testing.T) {
	doc := mustRead(t, "suppress")
	file := "fixtures/terraform/hcl/suppress/main.tf"
	want := []model.Suppression{
		{Kind: "inSource", RuleID: "GATE-AWS-S3-001", Justification: "public website bucket, approved in SEC-123",
			Until: "2027-01-31", Location: model.Position{File: file, Line: 1, Column: 1}, Subject: "aws_s3_bucket.site"},
		// An expired date is recorded as written; the engine judges it.
		{Kind: "inSource", RuleID: "GATE-AWS-S3-002", Justification: "legacy", Until: "2020-01-01",
			Location: model.Position{File: file, Line: 6, Column: 1}, Subject: "aws_s3_bucket.legacy"},
		{Kind: "inSource", RuleID: "GATE-AWS-S3-003", Justification: "legacy", Until: "2020-01-01",
			Location: model.Position{File: file, Line: 6, Column: 1}, Subject: "aws_s3_bucket.legacy"},
		// No reason: recorded with an empty justification; the engine refuses it.
		{Kind: "inSource", RuleID: "GATE-AWS-S3-004", Location: model.Position{File: file, Line: 12, Column: 37},
			Subject: "aws_s3_bucket.inline"},
		{Kind: "inSource", RuleID: "GATE-AWS-S3-005", Justification: "inside", Owner: "platform", Ticket: "SEC-9",
			Location: model.Position{File: file, Line: 16, Column: 1}, Subject: "data.aws_s3_bucket.existing"},
	}
	if !reflect.DeepEqual(doc.Suppressions, want) {
		t.Errorf("suppressions =\n%+v\nwant\n%+v", doc.Suppressions, want)
	}

	_, errs := readFixture(t, "suppress_bad")
	wantErrs := []struct {
		line int
		msg  string
	}{
		{1, `until="2027-02-30" is not a valid date`},
		{6, `until="31/01/2027" is not a date in the form YYYY-MM-DD`},
		{11, "not directly above"},
		{17, "names no rule ID"},
		{22, `unknown field "untill"`},
	}
	if len(errs) != len(wantErrs) {
		t.Fatalf("errors = %v, want %d", errs, len(wantErrs))
	}
	for i, w := range wantErrs {
		if errs[i].Line != w.line || !strings.Contains(errs[i].Error(), w.msg) ||
			errs[i].Path != "fixtures/terraform/hcl/suppress_bad/main.tf" {
			t.Errorf("error %d = %v, want line %d %q", i, errs[i], w.line, w.msg)
		}
	}
}

func TestParseIgnore(t *testing.T) {
	cases := []struct {
		text    string
		ids     []string
		reason  string
		until   string
		wantErr string
	}{
		{`gate:ignore A-1`, []string{"A-1"}, "", "", ""},
		{`gate:ignore A-1,B-2 reason="x \"y\" z"`, []string{"A-1", "B-2"}, `x "y" z`, "", ""},
		{`gate:ignore A-1, B-2 reason = "spaced" until = 2030-12-31`, []string{"A-1", "B-2"}, "spaced", "2030-12-31", ""},
		{`gate:ignore A-1 reason=unquoted`, []string{"A-1"}, "unquoted", "", ""},
		{`gate:ignore`, nil, "", "", "names no rule ID"},
		{`gate:ignore A-1 reason="open`, nil, "", "", "unterminated"},
		{`gate:ignore A-1 reason="a" reason="b"`, nil, "", "", "twice"},
		{`gate:ignore A-1 reason="a" B-2`, nil, "", "", "rule IDs come first"},
		{`gate:ignore A-1 until=2027-13-01`, nil, "", "", "not a valid date"},
		{`gate:ignore A-1 until=27-01-01`, nil, "", "", "YYYY-MM-DD"},
		{`gate:ignore A?1`, nil, "", "", "not a rule ID"},
	}
	for _, c := range cases {
		got, err := parseIgnore(c.text)
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("parseIgnore(%q) error = %v, want %q", c.text, err, c.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("parseIgnore(%q): %v", c.text, err)
			continue
		}
		if !reflect.DeepEqual(got.ids, c.ids) || got.reason != c.reason || got.until != c.until {
			t.Errorf("parseIgnore(%q) = %+v", c.text, got)
		}
	}
	for text, want := range map[string]bool{
		"# gate:ignore X":               true,
		"// gate:ignore X\n":            true,
		"/* gate:ignore X */":           true,
		"# gate:ignored X":              false,
		"# see gate:ignore in the docs": false,
	} {
		if got := commentIsIgnore(text); got != want {
			t.Errorf("commentIsIgnore(%q) = %v", text, got)
		}
	}
}

func TestBadFiles(t *testing.T) {
	cases := []struct {
		fixture   string
		wantAddrs []string
		errPath   string
		line, col int
		msg       string
	}{
		{"syntax", []string{"aws_s3_bucket.ok"}, "fixtures/terraform/hcl/syntax/broken.tf", 3, 12, "Invalid expression"},
		{"binary", []string{"aws_s3_bucket.b"}, "fixtures/terraform/hcl/binary/image.tf", 3, 1, "binary file"},
	}
	for _, c := range cases {
		t.Run(c.fixture, func(t *testing.T) {
			doc, errs := readFixture(t, c.fixture)
			if doc == nil {
				t.Fatal("no document")
			}
			if got := addresses(doc); !reflect.DeepEqual(got, c.wantAddrs) {
				t.Errorf("addresses = %v, want %v", got, c.wantAddrs)
			}
			if len(errs) == 0 {
				t.Fatal("no input error")
			}
			e := errs[0]
			if e.Path != c.errPath || e.Line != c.line || e.Column != c.col || !strings.Contains(e.Error(), c.msg) {
				t.Errorf("error = %v (line %d col %d), want %s:%d:%d %q", e, e.Line, e.Column, c.errPath, c.line, c.col, c.msg)
			}
		})
	}
	// The Latin-1 file of the binary fixture names the offending byte.
	_, errs := readFixture(t, "binary")
	found := false
	for _, e := range errs {
		if e.Path == "fixtures/terraform/hcl/binary/latin1.tf" && e.Line == 1 && e.Column == 6 && strings.Contains(e.Error(), "UTF-8") {
			found = true
		}
	}
	if !found {
		t.Errorf("no UTF-8 error for latin1.tf in %v", errs)
	}
}

func TestOverrideFiles(t *testing.T) {
	doc := mustRead(t, "override")
	checkValues(t, doc, []valueCase{
		{"aws_s3_bucket.b", []any{"values"}, map[string]any{
			"bucket": "original", "acl": "public-read", "versioning": []any{map[string]any{"enabled": true}},
		}},
	})
	p := doc.Positions["aws_s3_bucket.b"+model.PathSep+"acl"]
	if p.File != "fixtures/terraform/hcl/override/override.tf" || p.Line != 2 {
		t.Errorf("position of the overridden acl = %s", p)
	}
}

func TestFileFunctions(t *testing.T) {
	doc := mustRead(t, "files")
	policy := "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}]}\n"
	checkValues(t, doc, []valueCase{
		{"aws_iam_policy.from_file", []any{"values", "policy"}, policy},
		{"aws_instance.web", []any{"values", "user_data"}, "#!/bin/sh\necho \"hello web\"\nopen 80\nopen 443\n"},
		{"aws_iam_policy.outside", []any{"values", "policy"}, model.Unknown},
		{"aws_iam_policy.decoded", []any{"values", "policy"}, `{"Statement":[{"Action":"*","Effect":"Allow","Resource":"*"}],"Version":"2012-10-17"}`},
		{"aws_iam_policy.decoded", []any{"values", "exists"}, false},
	})
	if !hasNote(doc, "/etc/hostname is outside the scan root") {
		t.Errorf("no note for the file outside the root in %q", doc.Notes)
	}
	var paths []string
	for _, f := range doc.Files {
		paths = append(paths, f.Path)
	}
	want := []string{"fixtures/terraform/hcl/files/init.sh.tpl", "fixtures/terraform/hcl/files/main.tf", "fixtures/terraform/hcl/files/policy.json"}
	if !reflect.DeepEqual(paths, want) {
		t.Errorf("files = %v", paths)
	}
}

func TestDeterministic(t *testing.T) {
	for _, name := range []string{"values", "unknowns", "expansion", "dynamic", "module", "suppress"} {
		a, _ := readFixture(t, name)
		b, _ := readFixture(t, name)
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if string(ja) != string(jb) {
			t.Errorf("%s: two reads differ", name)
		}
	}
}

func TestNoTerraformFiles(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "README.md"), []byte("hi"), 0o644); err != nil {
		t.Fatal(err)
	}
	doc, errs := ReadDir(context.Background(), dir, Options{Root: dir})
	if doc != nil || len(errs) != 0 {
		t.Errorf("ReadDir of a directory without .tf = %v, %v", doc, errs)
	}
}

// writeTree creates files (slash paths) under a new temporary directory.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestHostileInput(t *testing.T) {
	deepChain := map[string]string{}
	for i := 0; i < 25; i++ {
		deepChain[fmt.Sprintf("m%d/main.tf", i)] = fmt.Sprintf("module \"next\" {\n  source = \"../m%d\"\n}\nresource \"x_y\" \"r%d\" {}\n", i+1, i)
	}
	cases := []struct {
		name    string
		files   map[string]string
		dir     string
		maxSize int64
		budget  int64 // 0: the real budget
		errLine int
		errMsg  string // "" = no input error
		check   func(t *testing.T, doc *model.Document)
	}{
		{
			name:  "huge count is capped",
			files: map[string]string{"main.tf": "resource \"aws_s3_bucket\" \"b\" {\n  count = 1e9\n  bucket = \"b-${count.index}\"\n}\n"},
			check: func(t *testing.T, doc *model.Document) {
				if n := len(resources(doc)); n != maxInstances {
					t.Errorf("%d instances, want %d", n, maxInstances)
				}
				if !hasNote(doc, "count is 1000000000; only the first 10000 instances are read") {
					t.Errorf("notes = %q", doc.Notes)
				}
			},
		},
		{
			name: "exponential for expressions exhaust the budget",
			files: map[string]string{"main.tf": `locals {
  r = range(1000)
  big = [for a in local.r : [for b in local.r : [for c in local.r : "${a}-${b}-${c}"]]]
}
resource "x_y" "z" {
  v = length(local.big)
}
`},
			errLine: 3, errMsg: "evaluation budget exhausted",
		},
		{
			name: "a negative charge cannot refund the budget",
			files: map[string]string{"main.tf": `locals {
  r = range(1000)
  big = [for a in local.r : [for b in local.r : [for c in local.r : gate__size(c, -1000000000000)]]]
}
`},
			budget:  1 << 20,
			errLine: 3, errMsg: "evaluation budget exhausted",
		},
		{
			name: "doubling strings exhaust the budget",
			files: map[string]string{"main.tf": func() string {
				s := "locals {\n  l0 = \"" + strings.Repeat("x", 100) + "\"\n"
				for i := 1; i < 40; i++ {
					s += fmt.Sprintf("  l%d = \"${local.l%d}${local.l%d}\"\n", i, i-1, i-1)
				}
				return s + "}\n"
			}()},
			errMsg: "evaluation budget exhausted",
		},
		{
			name:    "deep nesting",
			files:   map[string]string{"main.tf": "locals {\n  a = " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n}\n"},
			errLine: 2, errMsg: "nested deeper than",
		},
		{
			name:    "long unary chain",
			files:   map[string]string{"main.tf": "locals {\n  a = " + strings.Repeat("!", 100000) + "true\n}\n"},
			errLine: 2, errMsg: "nested deeper than",
		},
		{
			name:    "deep template directives",
			files:   map[string]string{"main.tf": "locals {\n  a = <<EOT\n" + strings.Repeat("%{ if true }", 5000) + strings.Repeat("%{ endif }", 5000) + "\nEOT\n}\n"},
			errLine: 3, errMsg: "nested deeper than",
		},
		{
			name:    "file over the size limit",
			files:   map[string]string{"main.tf": "resource \"x_y\" \"z\" {}\n" + strings.Repeat("# padding\n", 200)},
			maxSize: 1000,
			errMsg:  "over the 1000-byte limit",
		},
		{
			name:    "UTF-16 file",
			files:   map[string]string{"main.tf": "\xff\xfer\x00e\x00"},
			errLine: 1, errMsg: "UTF-16",
		},
		{
			name: "module cycle",
			files: map[string]string{
				"a/main.tf": "module \"b\" {\n  source = \"../b\"\n}\n",
				"b/main.tf": "module \"a\" {\n  source = \"../a\"\n}\n",
			},
			dir: "a", errLine: 2, errMsg: "module cycle: a -> b -> a",
		},
		{
			name: "module depth limit", files: deepChain, dir: "m0", errLine: 2,
			errMsg: "modules nested deeper than 20 levels",
			check: func(t *testing.T, doc *model.Document) {
				if n := len(resources(doc)); n != maxModuleDepth+1 {
					t.Errorf("%d resources, want %d", n, maxModuleDepth+1)
				}
			},
		},
		{
			name: "jsondecode of deep JSON",
			files: map[string]string{"main.tf": "resource \"x_y\" \"z\" {\n  v = jsondecode(\"" +
				strings.Repeat("[", 2000) + strings.Repeat("]", 2000) + "\")\n}\n"},
			check: func(t *testing.T, doc *model.Document) {
				if v := at(resources(doc)[0], "values", "v"); v != model.Unknown {
					t.Errorf("v = %v", v)
				}
			},
		},
		{
			name:  "huge format width",
			files: map[string]string{"main.tf": "resource \"x_y\" \"z\" {\n  v = format(\"%999999999d\", 1)\n}\n"},
			check: func(t *testing.T, doc *model.Document) {
				if v := at(resources(doc)[0], "values", "v"); v != model.Unknown {
					t.Errorf("v = %v", v)
				}
			},
		},
		{
			// 2,000 plain resources cost far more than a 4 KiB base budget;
			// each file read grants units in proportion to its size.
			name: "the budget grows with the source",
			files: map[string]string{"main.tf": func() string {
				var b strings.Builder
				for i := 0; i < 2000; i++ {
					fmt.Fprintf(&b, "resource \"aws_s3_bucket\" \"b%d\" {\n  bucket = \"bucket-%d\"\n  tags   = { env = \"prod\", n = \"%d\" }\n}\n", i, i, i)
				}
				return b.String()
			}()},
			budget: 1 << 12,
			check: func(t *testing.T, doc *model.Document) {
				if n := len(resources(doc)); n != 2000 {
					t.Errorf("%d resources, want 2000", n)
				}
			},
		},
		{
			name: "padding a hostile file does not buy a blow-up",
			files: map[string]string{"main.tf": strings.Repeat("# padding padding padding padding\n", 30000) + `locals {
  r = range(1000)
  big = [for a in local.r : [for b in local.r : [for c in local.r : "${a}-${b}-${c}"]]]
}
`},
			errLine: 30003, errMsg: "evaluation budget exhausted",
		},
		{
			name:   "setproduct blow-up",
			files:  map[string]string{"main.tf": "locals {\n  r = range(1000)\n}\nresource \"x_y\" \"z\" {\n  v = length(setproduct(local.r, local.r, local.r))\n}\n"},
			errMsg: "evaluation budget exhausted",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := writeTree(t, c.files)
			dir := root
			if c.dir != "" {
				dir = filepath.Join(root, c.dir)
			}
			units := c.budget
			if units == 0 {
				units = budgetUnits
			}
			doc, errs := readDir(context.Background(), dir, Options{Root: root, MaxFileSize: c.maxSize}, units)
			for _, e := range errs {
				if strings.Contains(e.Error(), "internal error") {
					t.Fatalf("panic: %v", e)
				}
			}
			if c.errMsg == "" {
				if len(errs) != 0 {
					t.Errorf("errors = %v", errs)
				}
			} else {
				found := false
				for _, e := range errs {
					if strings.Contains(e.Error(), c.errMsg) && (c.errLine == 0 || e.Line == c.errLine) {
						found = true
					}
				}
				if !found {
					t.Errorf("errors = %v, want one at line %d containing %q", errs, c.errLine, c.errMsg)
				}
			}
			if c.check != nil {
				if doc == nil {
					t.Fatal("no document")
				}
				c.check(t, doc)
			}
		})
	}
}

func TestContextCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	doc, errs := ReadDir(ctx, fixtureDir(t, "values"), Options{Root: repoRoot(t)})
	if doc != nil || len(errs) != 1 || errs[0].Err != context.Canceled {
		t.Errorf("ReadDir with a cancelled context = %v, %v", doc, errs)
	}
	if _, err := FindModuleDirs(ctx, fixtureDir(t, "module")); err == nil {
		t.Error("FindModuleDirs with a cancelled context did not fail")
	}
}

func TestFindModuleDirs(t *testing.T) {
	root := writeTree(t, map[string]string{
		"main.tf":                         "module \"app\" {\n  source = \"./modules/app\"\n}\n",
		"modules/app/main.tf":             "module \"db\" {\n  source = \"../db\"\n}\n",
		"modules/db/main.tf":              "resource \"x_y\" \"z\" {}\n",
		"modules/unused/main.tf":          "resource \"x_y\" \"z\" {}\n",
		"envs/prod/main.tf":               "module \"shared\" {\n  source = \"../../shared\"\n}\n",
		"envs/dev/main.tf":                "module \"shared\" {\n  source = \"../../shared\"\n}\n",
		"shared/main.tf":                  "resource \"x_y\" \"z\" {}\n",
		"cycle/a/main.tf":                 "module \"b\" {\n  source = \"../b\"\n}\n",
		"cycle/b/main.tf":                 "module \"a\" {\n  source = \"../a\"\n}\n",
		"docs/README.md":                  "no terraform here",
		".terraform/modules/x/main.tf":    "resource \"x_y\" \"z\" {}\n",
		".git/hooks/main.tf":              "resource \"x_y\" \"z\" {}\n",
		"node_modules/pkg/main.tf":        "resource \"x_y\" \"z\" {}\n",
		"broken/main.tf":                  "resource {",
		"remote/main.tf":                  "module \"vpc\" {\n  source = \"terraform-aws-modules/vpc/aws\"\n}\n",
		"modules/app/examples/ex/main.tf": "module \"app\" {\n  source = \"../..\"\n}\n",
	})
	got, err := FindModuleDirs(context.Background(), root)
	if err != nil {
		t.Fatal(err)
	}
	var rel []string
	for _, d := range got {
		r, err := filepath.Rel(root, d)
		if err != nil {
			t.Fatal(err)
		}
		rel = append(rel, filepath.ToSlash(r))
	}
	want := []string{".", "broken", "cycle/a", "envs/dev", "envs/prod", "modules/app/examples/ex", "modules/unused", "remote"}
	if !sort.StringsAreSorted(rel) || !reflect.DeepEqual(rel, want) {
		t.Errorf("FindModuleDirs = %q\nwant %q", rel, want)
	}
}

// TestCorpus reads every .tf file of the shared corpus on its own (KICS and
// checkov samples are independent files): each must give a document or an
// input error, never a panic.
func TestCorpus(t *testing.T) {
	corpus := filepath.Join(repoRoot(t), "..", "shared", "corpus", "hcl")
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	var files []string
	err := filepath.WalkDir(corpus, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".tf") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	read, failed, resourcesRead := 0, 0, 0
	for _, p := range files {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		dir := writeTree(t, map[string]string{filepath.Base(p): string(src)})
		doc, errs := ReadDir(context.Background(), dir, Options{Root: dir})
		for _, e := range errs {
			if strings.Contains(e.Error(), "internal error") {
				t.Errorf("%s: %v", p, e)
			}
		}
		if len(errs) > 0 {
			failed++
			t.Logf("%s: %v", p, errs)
			continue
		}
		if doc == nil {
			t.Errorf("%s: no document and no error", p)
			continue
		}
		if _, err := json.Marshal(doc.Input); err != nil {
			t.Errorf("%s: input is not JSON-shaped: %v", p, err)
		}
		read++
		resourcesRead += len(resources(doc))
	}
	t.Logf("corpus: %d .tf files, %d read, %d with input errors, %d resources", len(files), read, failed, resourcesRead)
	if len(files) == 0 || read+failed != len(files) {
		t.Errorf("corpus: %d files, %d read, %d failed", len(files), read, failed)
	}
}

// TestCorpusExpectations spot-checks corpus files against their documented
// expectations (PROVENANCE.md): the resources a rule must judge are read
// with the values and lines it needs.
func TestCorpusExpectations(t *testing.T) {
	corpus := filepath.Join(repoRoot(t), "..", "shared", "corpus", "hcl")
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	dir := filepath.Join(corpus, "checkov", "aws", "EBSEncryption")
	doc, errs := ReadDir(context.Background(), dir, Options{Root: corpus})
	if len(errs) != 0 || doc == nil {
		t.Fatalf("EBSEncryption: %v", errs)
	}
	checkValues(t, doc, []valueCase{
		{"aws_ebs_volume.enabled", []any{"values", "encrypted"}, true},
		{"aws_ebs_volume.disabled", []any{"values", "encrypted"}, false},
		{"aws_ebs_volume.default", []any{"values", "encrypted"}, "<absent>"},
	})
}

func TestEvaluationEdgeCases(t *testing.T) {
	src := `variable "obj" {
  type    = object({ a = optional(string, "dflt"), b = number })
  default = { b = 1 }
}
variable "secret_map" {
  default   = { a = "1" }
  sensitive = true
}
resource "x_neg" "a" { count = -1 }
resource "x_frac" "a" { count = 1.5 }
resource "x_str" "a" { count = "abc" }
resource "x_null" "a" { count = null }
resource "x_list" "a" {
  for_each = ["b", "a", "b"]
  v = each.key
}
resource "x_unkset" "a" { for_each = toset([aws_x.y.id, "b"]) }
resource "x_sens" "a" {
  for_each = var.secret_map
  v = each.value
  k = each.key
}
resource "x_dyn" "a" {
  dynamic "s" {
    for_each = "str"
    content { v = 1 }
  }
  dynamic "u" {
    for_each = [1]
  }
  dynamic "w" {
    for_each = sensitive([1, 2])
    content { v = w.value }
  }
}
resource "aws_instance" "p" {
  provider = google.west
  b = count.index
  c = provider::aws::arn_parse("x")
  d = length("héllo")
  e = var.obj
  f = "%{ for x in aws_x.y.list }${x}%{ endfor }"
  g = merge({ a = 1 }, { b = aws_x.y.id })
  h = nosuchfunc(1)
  i = var.nosuch
  k = timestamp()
  m = sum([1, 2.5])
  n = one([])
  o = index(["a", "b"], "b")
  p = alltrue([true, aws_x.y.b])
  r = nonsensitive(sensitive("x"))
  t = base64decode(base64encode("hé"))
  u = coalesce("", "x")
  w = 9007199254740993
  y = 1e400
  z = True
}
module "m" {
  source = var.src
}
`
	dir := writeTree(t, map[string]string{"main.tf": src})
	doc, errs := ReadDir(context.Background(), dir, Options{Root: dir})
	if len(errs) != 0 || doc == nil {
		t.Fatalf("errors = %v", errs)
	}
	if _, err := json.Marshal(doc.Input); err != nil {
		t.Fatal(err)
	}
	wantAddrs := []string{"x_neg.a", "x_frac.a", "x_str.a", "x_null.a", `x_list.a["a"]`, `x_list.a["b"]`,
		"x_unkset.a", `x_sens.a["a"]`, "x_dyn.a", "aws_instance.p"}
	if got := addresses(doc); !reflect.DeepEqual(got, wantAddrs) {
		t.Errorf("addresses = %q", got)
	}
	p := "aws_instance.p"
	checkValues(t, doc, []valueCase{
		{"x_neg.a", []any{"index"}, nil},
		{`x_sens.a["a"]`, []any{"values"}, map[string]any{"k": "a", "v": Sensitive}},
		{"x_dyn.a", []any{"values", "s"}, []any{model.Unknown}},
		{"x_dyn.a", []any{"values", "u"}, []any{model.Unknown}},
		{"x_dyn.a", []any{"values", "w"}, []any{map[string]any{"v": Sensitive}, map[string]any{"v": Sensitive}}},
		{p, []any{"provider"}, "google"},
		{p, []any{"values", "b"}, model.Unknown},
		{p, []any{"values", "c"}, model.Unknown},
		{p, []any{"values", "d"}, float64(5)},
		{p, []any{"values", "e"}, map[string]any{"a": "dflt", "b": float64(1)}},
		{p, []any{"values", "f"}, model.Unknown},
		{p, []any{"refs", "f"}, []any{"aws_x.y"}},
		{p, []any{"values", "g"}, map[string]any{"a": float64(1), "b": model.Unknown}},
		{p, []any{"values", "h"}, model.Unknown},
		{p, []any{"values", "i"}, model.Unknown},
		{p, []any{"values", "k"}, model.Unknown},
		{p, []any{"values", "m"}, 3.5},
		{p, []any{"values", "n"}, nil},
		{p, []any{"values", "o"}, float64(1)},
		{p, []any{"values", "p"}, model.Unknown},
		{p, []any{"values", "r"}, "x"},
		{p, []any{"values", "t"}, "hé"},
		{p, []any{"values", "u"}, "x"},
		{p, []any{"values", "w"}, json.Number("9007199254740993")},
		{p, []any{"values", "y"}, json.Number("1e+400")},
		{p, []any{"values", "z"}, true},
	})
	if v := doc.Input["variables"].(map[string]any)["secret_map"]; v != Sensitive {
		t.Errorf("sensitive variable = %v", v)
	}
	for _, n := range []string{
		"x_neg.a: count -1 is not a whole number",
		"x_frac.a: count 1.5 is not a whole number",
		"x_str.a: count is not a number",
		"x_null.a: count is null",
		"x_list.a: for_each is a list",
		"x_unkset.a: for_each has elements not known before apply",
		`dynamic "u" block needs for_each and content`,
		`Call to unknown function`,
		"module.m has no literal source string",
		"True is not a Terraform boolean",
	} {
		if !hasNote(doc, n) {
			t.Errorf("no note %q in\n%s", n, strings.Join(doc.Notes, "\n"))
		}
	}
}
