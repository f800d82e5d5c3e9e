package tfplan

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/gatehq/gate/engine/model"
)

func TestParseBadInput(t *testing.T) {
	tests := []struct {
		name     string
		data     string
		wantErr  string
		wantLine int
	}{
		{"empty", "", "empty file", 0},
		{"truncated", "{\n  \"format_version\": \"1.2\",\n  \"resource_changes\": [", "unexpected end of file", 3},
		{"syntax", "{\n  \"format_version\": \"1.2\",\n  oops\n}", "invalid JSON", 3},
		{"trailing", `{"format_version":"1.2","resource_changes":[]}{"x":1}`, "unexpected data after the plan JSON", 1},
		{"not an object", `[1,2]`, "top-level value is not an object", 0},
		{"not a plan", `{"name":"x"}`, "no format_version", 0},
		{"state", `{"format_version":"1.0","values":{}}`, "Terraform state JSON", 0},
		{"unsupported version", `{"format_version":"2.1","resource_changes":[]}`, "unsupported plan format version", 0},
		{"binary", "\x00\xff\xfe\x01garbage", "not UTF-8", 0},
		{"odd utf16", "\xff\xfe{\x00\"", "odd number of bytes", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Parse(context.Background(), "p.json", []byte(tc.data))
			if err == nil {
				t.Fatalf("want error containing %q, got document %+v", tc.wantErr, doc)
			}
			if !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("error %q does not contain %q", err.Error(), tc.wantErr)
			}
			if !strings.HasPrefix(err.Error(), "p.json") {
				t.Errorf("error %q does not name the file", err.Error())
			}
			if tc.wantLine > 0 && err.Line != tc.wantLine {
				t.Errorf("line = %d, want %d", err.Line, tc.wantLine)
			}
		})
	}
}

func resourcesOf(t *testing.T, doc *model.Document) map[string]map[string]any {
	t.Helper()
	out := map[string]map[string]any{}
	for _, r := range doc.Input["resources"].([]any) {
		m := r.(map[string]any)
		out[m["address"].(string)] = m
	}
	return out
}

func TestParseValues(t *testing.T) {
	plan := `{
  "format_version": "1.2",
  "terraform_version": "1.9.0",
  "resource_changes": [
    {"address": "aws_s3_bucket.gone", "mode": "managed", "type": "aws_s3_bucket", "name": "gone",
     "provider_name": "registry.terraform.io/hashicorp/aws",
     "change": {"actions": ["delete"], "before": {"bucket": "gone"}, "after": null}},
    {"address": "module.db[0].aws_db_instance.this[\"a.b\"]", "module_address": "module.db[0]", "mode": "managed",
     "type": "aws_db_instance", "name": "this", "index": "a.b",
     "provider_name": "registry.terraform.io/hashicorp/aws",
     "change": {"actions": ["create"],
       "after": {"storage_encrypted": false, "password": "hunter2", "tags": {"env": "prod"}, "nested": [{"a": 1}]},
       "after_unknown": {"kms_key_id": true, "nested": [{"b": true}], "tags": {}},
       "after_sensitive": {"password": true}}},
    {"address": "aws_kms_key.k", "mode": "managed", "type": "aws_kms_key", "name": "k",
     "provider_name": "registry.terraform.io/hashicorp/aws",
     "change": {"actions": ["delete", "create"], "after": {"enable_key_rotation": true}, "after_unknown": {"arn": true}}}
  ],
  "configuration": {"root_module": {
    "resources": [{"address": "aws_kms_key.k", "mode": "managed", "type": "aws_kms_key", "name": "k", "expressions": {}}],
    "module_calls": {"db": {"source": "./db", "expressions": {"key": {"references": ["aws_kms_key.k.arn", "aws_kms_key.k"]}},
      "module": {"resources": [{"address": "aws_db_instance.this", "mode": "managed", "type": "aws_db_instance", "name": "this",
        "expressions": {"kms_key_id": {"references": ["var.key"]},
                        "monitoring_role_arn": {"references": ["aws_iam_role.mon.arn", "aws_iam_role.mon"]},
                        "blk": [{"inner": {"references": ["data.aws_iam_policy_document.p.json", "data.aws_iam_policy_document.p"]}}]}}]}}}
  }}
}`
	doc, err := Parse(context.Background(), "plan.json", []byte(plan))
	if err != nil {
		t.Fatal(err)
	}
	rs := resourcesOf(t, doc)
	if _, ok := rs["aws_s3_bucket.gone"]; ok {
		t.Error("a deleted resource is in the document")
	}
	db := rs[`module.db[0].aws_db_instance.this["a.b"]`]
	if db == nil {
		t.Fatalf("module resource missing; have %v", rs)
	}
	checks := []struct {
		name string
		got  any
		want any
	}{
		{"config_address", db["config_address"], "module.db.aws_db_instance.this"},
		{"module", db["module"], "module.db[0]"},
		{"index", db["index"], "a.b"},
		{"provider", db["provider"], "aws"},
		{"action", db["action"], "create"},
		{"known false", db["values"].(map[string]any)["storage_encrypted"], false},
		{"unknown", db["values"].(map[string]any)["kms_key_id"], model.Unknown},
		{"sensitive", db["values"].(map[string]any)["password"], Sensitive},
		{"nested unknown", db["values"].(map[string]any)["nested"].([]any)[0].(map[string]any)["b"], model.Unknown},
		{"nested known", db["values"].(map[string]any)["nested"].([]any)[0].(map[string]any)["a"], float64(1)},
		{"replace", rs["aws_kms_key.k"]["action"], "replace"},
		{"unknown arn", rs["aws_kms_key.k"]["values"].(map[string]any)["arn"], model.Unknown},
	}
	for _, c := range checks {
		gj, _ := json.Marshal(c.got)
		wj, _ := json.Marshal(c.want)
		if string(gj) != string(wj) {
			t.Errorf("%s = %s, want %s", c.name, gj, wj)
		}
	}
	refs := db["refs"].(map[string]any)
	for attr, want := range map[string]string{
		"kms_key_id":          `["aws_kms_key.k"]`,
		"monitoring_role_arn": `["module.db.aws_iam_role.mon"]`,
		"blk.inner":           `["module.db.data.aws_iam_policy_document.p"]`,
	} {
		got, _ := json.Marshal(refs[attr])
		if string(got) != want {
			t.Errorf("refs[%s] = %s, want %s", attr, got, want)
		}
	}
	if strings.Contains(mustJSON(t, doc.Input), "hunter2") {
		t.Error("a sensitive value leaked into the document")
	}
	if pos, ok := doc.Positions.Locate("aws_kms_key.k", ""); !ok || pos.Line != 15 {
		t.Errorf("position of aws_kms_key.k = %v, want line 15", pos)
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestConfigAddress(t *testing.T) {
	tests := map[string]string{
		`aws_s3_bucket.b`:                            `aws_s3_bucket.b`,
		`aws_s3_bucket.b[0]`:                         `aws_s3_bucket.b`,
		`module.a["x.y"].module.b[1].aws_vpc.v["k"]`: `module.a.module.b.aws_vpc.v`,
		`data.aws_iam_policy_document.p`:             `data.aws_iam_policy_document.p`,
	}
	for in, want := range tests {
		if got := ConfigAddress(in); got != want {
			t.Errorf("ConfigAddress(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCorpus reads every real plan in the corpus: each one parses, except
// the two that must fail closed with a clear error.
func TestCorpus(t *testing.T) {
	files, err := filepath.Glob("../../../fixtures/corpus/tfplan/*/*.json")
	if err != nil || len(files) < 30 {
		t.Fatalf("corpus plans: %d files, err %v", len(files), err)
	}
	wantErr := map[string]string{
		"invalid.plan.json": "unexpected data after the plan JSON",
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			doc, ierr := ReadFile(context.Background(), f, Options{Root: "../../.."})
			if want, ok := wantErr[filepath.Base(f)]; ok {
				if ierr == nil || !strings.Contains(ierr.Error(), want) {
					t.Fatalf("want error %q, got %v", want, ierr)
				}
				return
			}
			if ierr != nil {
				t.Fatal(ierr)
			}
			if !strings.HasPrefix(doc.Path, "fixtures/corpus/tfplan/") {
				t.Errorf("path %q not relative to the root", doc.Path)
			}
			if n := len(doc.Input["resources"].([]any)); n == 0 {
				t.Errorf("no resources read")
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("../../../fixtures/corpus/tfplan/*/*.json")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil && len(b) < 20000 {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"format_version":"1.2","resource_changes":[{"address":"a.b","change":{"actions":["create"],"after":{},"after_unknown":{"x":[true,{"y":true}]}}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Parse(context.Background(), "fuzz.json", data)
		if (doc == nil) == (err == nil) {
			t.Fatalf("exactly one of document and error must be set: %v %v", doc, err)
		}
		if doc != nil {
			if _, err := json.Marshal(doc.Input); err != nil {
				t.Fatalf("document is not JSON-shaped: %v", err)
			}
		}
	})
}

func TestAddressOffsets(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want map[string]int64
	}{
		{"none without resource_changes", `{"planned_values": {"address": "a.b"}}`, nil},
		{"first of each address", `{"resource_changes": [{"address": "a.b"}, {"address":"a.b"}, {"address" :	"c.d"}]}`,
			map[string]int64{"a.b": 23, "c.d": 62}},
		{"escaped quotes and unicode", `{"resource_changes": [{"address": "x.y[\"k\\\"q\"]"}, {"address": "z.w[\"\u00e9\"]"}]}`,
			map[string]int64{`x.y["k\"q"]`: 23, `z.w["é"]`: 55}},
		{"a key that is not an address key", `{"resource_changes": [{"address_of": "n"}, {"address": 3}, {"address": "ok.x"}]}`,
			map[string]int64{"ok.x": 60}},
		{"unterminated string", `{"resource_changes": [{"address": "a.b`, map[string]int64{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := addressOffsets([]byte(tc.in))
			if len(got) != len(tc.want) || (tc.want == nil) != (got == nil) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
			for k, v := range tc.want {
				if got[k] != v {
					t.Errorf("%s at %d, want %d (all: %v)", k, got[k], v, got)
				}
				if !strings.HasPrefix(tc.in[v:], `"address"`) {
					t.Errorf("offset %d of %s is not at an address key", v, k)
				}
			}
		})
	}
}

// TestReadAll: the plan is read whole whatever the reads return, a file
// that grew since its size was taken is read to its end, and reading
// stops one byte past the limit.
func TestReadAll(t *testing.T) {
	data := bytes.Repeat([]byte("0123456789"), 1000) // 10,000 bytes
	errRead := errors.New("disk on fire")
	tests := []struct {
		name    string
		r       io.Reader
		size    int64
		limit   int64
		want    int
		wantErr error
	}{
		{"size as stated", bytes.NewReader(data), 10000, 1 << 20, 10000, nil},
		{"short reads", iotest.OneByteReader(bytes.NewReader(data)), 10000, 1 << 20, 10000, nil},
		{"grew since stat", bytes.NewReader(data), 100, 1 << 20, 10000, nil},
		{"shrank since stat", bytes.NewReader(data[:10]), 10000, 1 << 20, 10, nil},
		{"empty", bytes.NewReader(nil), 0, 1 << 20, 0, nil},
		{"exactly the limit", bytes.NewReader(data), 10000, 10000, 10000, nil},
		{"over the limit: one byte past it", bytes.NewReader(data), 10000, 5000, 5001, nil},
		{"grew past the limit", bytes.NewReader(data), 10, 5000, 5001, nil},
		{"read error", iotest.TimeoutReader(bytes.NewReader(data)), 10000, 1 << 20, 0, iotest.ErrTimeout},
		{"error mid-file", io.MultiReader(bytes.NewReader(data[:10]), iotest.ErrReader(errRead)), 10000, 1 << 20, 0, errRead},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := readAll(tt.r, tt.size, tt.limit)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if len(b) != tt.want || !bytes.Equal(b, data[:len(b)]) {
				t.Errorf("read %d bytes, want the first %d", len(b), tt.want)
			}
		})
	}
}
