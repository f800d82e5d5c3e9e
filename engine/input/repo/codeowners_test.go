package repo

import (
	"encoding/json"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// TestCodeownersPatterns checks the matcher against hmarr/codeowners' own
// table of pattern cases (fixtures/repo/corpus/repo/codeowners, MIT).
func TestCodeownersPatterns(t *testing.T) {
	data, err := os.ReadFile("../../../fixtures/repo/corpus/repo/codeowners/hmarr-codeowners.patterns.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Name    string          `json:"name"`
		Pattern string          `json:"pattern"`
		Paths   map[string]bool `json:"paths"`
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	if len(cases) < 25 {
		t.Fatalf("only %d pattern cases", len(cases))
	}
	checked := 0
	for _, c := range cases {
		re, err := compilePattern(c.Pattern)
		if err != nil {
			t.Errorf("%s: compile %q: %v", c.Name, c.Pattern, err)
			continue
		}
		paths := make([]string, 0, len(c.Paths))
		for p := range c.Paths {
			paths = append(paths, p)
		}
		sort.Strings(paths)
		for _, p := range paths {
			checked++
			if got := re.MatchString(p); got != c.Paths[p] {
				t.Errorf("%s: pattern %q on %q: match %v, want %v (regexp %s)", c.Name, c.Pattern, p, got, c.Paths[p], re)
			}
		}
	}
	t.Logf("%d patterns, %d paths checked", len(cases), checked)
}

func TestParseCodeowners(t *testing.T) {
	src := strings.Join([]string{
		"# comment",
		"*       @org/team   # trailing comment",
		"",
		"/docs/  docs@example.com",
		"!negated @a",
		"[Section]",
		"/build/ @ok @bad!owner",
		`path\ with\ space @x_y`,
		"/unowned/",
		`\#hash @a`,
		"app/[id]/page.tsx @web",
		"a/***/b @a",
	}, "\n")
	rules, errs := parseCodeowners(src)
	type r struct {
		Pattern string
		Owners  []string
		Line    int
	}
	var got []r
	for _, x := range rules {
		got = append(got, r{x.Pattern, x.Owners, x.Line})
	}
	want := []r{
		{"*", []string{"@org/team"}, 2},
		{"/docs/", []string{"docs@example.com"}, 4},
		{`path\ with\ space`, []string{"@x_y"}, 8},
		{"/unowned/", []string{}, 9},
		{"app/[id]/page.tsx", []string{"@web"}, 11},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rules:\n got %+v\nwant %+v", got, want)
	}
	wantErr := map[int]string{5: "negation", 6: "GitLab", 7: `invalid owner "@bad!owner"`, 10: "escaping a leading #", 12: "three consecutive"}
	if len(errs) != len(wantErr) {
		t.Errorf("errors: got %+v, want lines %v", errs, wantErr)
	}
	for _, e := range errs {
		if w, ok := wantErr[e.Line]; !ok || !strings.Contains(e.Message, w) {
			t.Errorf("error at line %d: %q, want %q", e.Line, e.Message, w)
		}
	}
	// Last match wins; a rule without owners un-owns.
	tests := []struct {
		path string
		rule int
	}{
		{"main.go", 0},
		{"docs/a.md", 1},
		{"path with space", 2},
		{"unowned/x.tf", 3},
		{"app/[id]/page.tsx", 4},
	}
	for _, tt := range tests {
		if got := lastMatch(rules, tt.path); got != tt.rule {
			t.Errorf("lastMatch(%q) = %d, want %d", tt.path, got, tt.rule)
		}
	}
}

// TestCodeownersCorpus parses the real CODEOWNERS files of the corpus: none
// has a bad line.
func TestCodeownersCorpus(t *testing.T) {
	dir := "../../../fixtures/repo/corpus/repo/codeowners"
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".CODEOWNERS") {
			continue
		}
		n++
		data, err := os.ReadFile(dir + "/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		rules, errs := parseCodeowners(string(data))
		if len(errs) > 0 || len(rules) == 0 {
			t.Errorf("%s: %d rules, errors %+v", e.Name(), len(rules), errs)
		}
	}
	if n != 4 {
		t.Errorf("%d CODEOWNERS files, want 4", n)
	}
}
