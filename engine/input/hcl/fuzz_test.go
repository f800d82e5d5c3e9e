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
	f.Fuzz(func(t *testing.T, src []byte) {
		if p := os.Getenv("ZZ_FUZZ_CUR"); p != "" {
			os.WriteFile(p, src, 0o644)
		}
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
	})
}
