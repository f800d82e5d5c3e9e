package hcl

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestZZCorpus(t *testing.T) {
	if os.Getenv("ZZC") == "" {
		t.Skip()
	}
	filepath.Walk("/work/shared/corpus/hcl", func(p string, info os.FileInfo, err error) error {
		if !strings.HasSuffix(p, ".tf") {
			return nil
		}
		dir := t.TempDir()
		b, _ := os.ReadFile(p)
		os.WriteFile(filepath.Join(dir, "main.tf"), b, 0o644)
		doc, errs := ReadDir(context.Background(), dir, Options{Root: dir})
		n := 0
		if doc != nil {
			n = len(doc.Input["resources"].([]any))
		}
		fmt.Printf("%s res=%d errs=%d\n", p[25:], n, len(errs))
		for _, e := range errs {
			fmt.Println("   ERR", e)
		}
		if doc != nil {
			for _, nt := range doc.Notes {
				fmt.Println("   NOTE", nt)
			}
		}
		return nil
	})
}
