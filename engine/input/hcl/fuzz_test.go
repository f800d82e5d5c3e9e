package hcl

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzReadFile reads arbitrary bytes as a one-file Terraform module: the
// reader must return a JSON-shaped document or input errors, never panic
// (a recovered panic shows up as an "internal error" input error).
func FuzzReadFile(f *testing.F) {
	fixtures := filepath.Join(repoRoot(f), "fixtures", "terraform", "hcl")
	err := filepath.WalkDir(fixtures, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && (strings.HasSuffix(p, ".tf") || strings.HasSuffix(p, ".tfvars")) {
			src, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			f.Add(src)
		}
		return nil
	})
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte("locals {\n  a = [for x in range(10) : { (tostring(x)) = x }]\n}\nresource \"a_b\" \"c\" {\n  for_each = merge(local.a...)\n  v = each.value\n}\n"))
	f.Add([]byte("resource \"a_b\" \"c\" {\n  dynamic \"d\" {\n    for_each = { x = [1, 2] }\n    iterator = it\n    content { v = it.value[0] }\n  }\n}\n"))
	for _, expr := range []string{
		`format("%05.2f|%-4s", 3.14159, "ab")`,
		`{ for k, v in { a = 1, b = 2 } : upper(k) => v * 2 if v > 1 }`,
		`try(jsondecode("{\"a\": [1, {\"b\": null}]}").a[1].b, "none")`,
		`replace(join(",", [for i in range(5) : tostring(i)]), "/[0-3]/", "x")`,
		`[for s in setproduct(["a", "b"], [1, 2]) : "${s[0]}${s[1]}"]`,
		`coalesce("", null, sensitive("x"))`,
		`aws_s3_bucket.b[count.index].id == "x" ? var.v : local.l`,
		`regexall("(a)(b)?", "abab")[*][0]`,
	} {
		f.Add([]byte(expr))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		// As a whole file, and as the value of an attribute of a counted
		// resource, to reach evaluation as well as parsing.
		checkRead(t, src)
		wrapped := append([]byte("locals {\n  l = 1\n}\nvariable \"v\" {\n  default = [1]\n}\nresource \"a_b\" \"c\" {\n  count = 2\n  v = "), src...)
		checkRead(t, append(wrapped, "\n}\n"...))
	})
}

func checkRead(t *testing.T, src []byte) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	doc, errs := ReadDir(context.Background(), dir, Options{Root: dir})
	for _, e := range errs {
		if strings.Contains(e.Error(), "internal error") {
			t.Fatalf("panic while reading: %v", e)
		}
		if e.Path == "" {
			t.Fatalf("input error without a file: %v", e)
		}
	}
	if doc == nil {
		if len(errs) == 0 {
			t.Fatal("no document and no error")
		}
		return
	}
	if _, err := json.Marshal(doc.Input); err != nil {
		t.Fatalf("input is not JSON-shaped: %v", err)
	}
}
