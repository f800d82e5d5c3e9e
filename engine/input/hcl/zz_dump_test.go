package hcl

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"testing"
)

func TestZZDump(t *testing.T) {
	dir := os.Getenv("DUMP")
	if dir == "" {
		t.Skip()
	}
	doc, errs := ReadDir(context.Background(), dir, Options{Root: "/work/main", VarFiles: []string{os.Getenv("VARF")}[:len(os.Getenv("VARF"))/max(1, len(os.Getenv("VARF")))]})
	for _, e := range errs {
		fmt.Println("ERR", e)
	}
	if doc == nil {
		fmt.Println("nil doc")
		return
	}
	b, _ := json.MarshalIndent(doc.Input, "", "  ")
	fmt.Println(string(b))
	fmt.Println("NOTES", doc.Notes)
	if os.Getenv("POS") != "" {
		for k, v := range doc.Positions {
			fmt.Printf("POS %q %v\n", k, v)
		}
	}
	b, _ = json.MarshalIndent(doc.Suppressions, "", "  ")
	fmt.Println(string(b))
	fmt.Println(doc.Files)
}
