package ghsettings

import (
	"context"
	"encoding/json"
	"os"
	"testing"
)

func TestScratch(t *testing.T) {
	for _, n := range []string{"classic-only", "rulesets-only", "both", "disabled-ruleset", "no-admin", "free-private"} {
		doc, err := ReadSnapshot(context.Background(), "../../../fixtures/github/snapshots/"+n, "")
		if err != nil {
			t.Fatal(n, err)
		}
		b, _ := json.MarshalIndent(doc.Input, "", " ")
		os.WriteFile("/tmp/ghs/"+n+".json", b, 0o644)
	}
}
