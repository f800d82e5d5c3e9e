package repo

import (
	"encoding/json"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/gatehq/gate/engine/model"
)

func TestDecodeYAMLValues(t *testing.T) {
	src := `on: push
permissions: {}
n: 12
hex: 0x1F
f: 1.5
inf: .inf
b: false
s: 'false'
nul:
ts: 2024-01-02
"a.b": dotted
list: [a, 1]
yes: yes
off: Off
tilde: ~
`
	pos := model.Positions{}
	v, err := decodeYAML("w.yml", []byte(src), pos)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"on": "push", "permissions": map[string]any{}, "n": json.Number("12"), "hex": json.Number("31"),
		"f": 1.5, "inf": ".inf", "b": false, "s": "false", "nul": nil, "ts": "2024-01-02", "a.b": "dotted",
		"list": []any{"a", json.Number("1")}, "yes": "yes", "off": "Off", "tilde": nil,
	}
	if !reflect.DeepEqual(v, want) {
		t.Errorf("got %#v\nwant %#v", v, want)
	}
	if p, ok := pos.Locate("w.yml", `["a.b"]`); !ok || p.Line != 11 {
		t.Errorf(`["a.b"] at %v, want line 11`, p)
	}
	if p, ok := pos.Locate("w.yml", "list[1]"); !ok || p.Line != 12 || p.Column != 11 {
		t.Errorf("list[1] at %v, want 12:11", p)
	}
}

func TestDecodeYAMLPositions(t *testing.T) {
	src := `name: ci
on: [push]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          persist-credentials: false
      - name: test
        run: |
          echo one
          echo two

      - run: >
          folded
          text
        # a comment at step level
      - run: echo "plain"
`
	pos := model.Positions{}
	if _, err := decodeYAML("ci.yml", []byte(src), pos); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		attr           string
		line, col, end int
	}{
		{"name", 1, 1, 1},
		{"jobs", 3, 1, 19},
		{"jobs.build", 4, 3, 19},
		{"jobs.build.runs-on", 5, 5, 5},
		{"jobs.build.steps", 6, 5, 19},
		{"jobs.build.steps[0]", 7, 9, 9},
		{"jobs.build.steps[0].uses", 7, 9, 7},
		{"jobs.build.steps[0].with.persist-credentials", 9, 11, 9},
		{"jobs.build.steps[1].run", 11, 9, 13},
		{"jobs.build.steps[2].run", 15, 9, 17},
		{"jobs.build.steps[3].run", 19, 9, 19},
	}
	for _, tt := range tests {
		p, ok := pos["ci.yml"+model.PathSep+tt.attr]
		if !ok {
			t.Errorf("%s: no position", tt.attr)
			continue
		}
		if p.File != "ci.yml" || p.Line != tt.line || p.Column != tt.col || p.EndLine != tt.end {
			t.Errorf("%s at %s (end %d), want %d:%d (end %d)", tt.attr, p, p.EndLine, tt.line, tt.col, tt.end)
		}
	}
}

func TestDecodeYAMLAnchors(t *testing.T) {
	src := `defaults: &d
  a: 1
  b: 2
x:
  <<: *d
  b: 3
list: &l [1, 2]
y: *l
`
	v, err := decodeYAML("a.yml", []byte(src), model.Positions{})
	if err != nil {
		t.Fatal(err)
	}
	m := v.(map[string]any)
	if !reflect.DeepEqual(m["x"], map[string]any{"a": json.Number("1"), "b": json.Number("3")}) {
		t.Errorf("merge: got %v", m["x"])
	}
	if !reflect.DeepEqual(m["y"], []any{json.Number("1"), json.Number("2")}) {
		t.Errorf("alias: got %v", m["y"])
	}
}

// billionLaughs builds the classic alias bomb: levels of ten aliases each.
func billionLaughs(levels int) string {
	var b strings.Builder
	b.WriteString("a0: &a0 [\"lol\"]\n")
	for i := 1; i <= levels; i++ {
		b.WriteString("a" + itoa(i) + ": &a" + itoa(i) + " [")
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + itoa(i-1))
		}
		b.WriteString("]\n")
	}
	return b.String()
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestDecodeYAMLErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		line int
		want string
	}{
		{"duplicate key", "on: push\njobs: {}\non: pull_request\n", 3, `duplicate key "on" (first defined at line 1)`},
		{"nested duplicate", "jobs:\n  a:\n    runs-on: x\n    runs-on: y\n", 4, `duplicate key "runs-on"`},
		{"invalid yaml", "on: push\njobs:\n  build: [unclosed\n", 3, "invalid YAML"},
		{"scanner error", "a: 1\nb: @x\n", 2, "cannot start any token"},
		{"tab indentation", "a:\n\tb: 1\n", 2, "invalid YAML"},
		{"bad indentation", "a:\n  b: 1\n c: 2\n", 3, "invalid YAML"},
		{"billion laughs", billionLaughs(9), 0, "alias expansion exceeds"},
		{"recursive alias", "a: &a [1, *a]\n", 1, "recursive alias"},
		{"unknown alias", "x: 1\na: *nope\n", 2, "refers to no anchor"},
		{"two documents", "a: 1\n---\nb: 2\n", 2, "second YAML document"},
		{"binary", "on: push\n\x00\x01\x02\xff", 2, "binary content"},
		{"invalid utf-8", "name: \xff\xfe ok\n", 1, "invalid UTF-8"},
		{"non-scalar key", "? [a, b]\n: 1\n", 1, "not a scalar"},
		{"empty", "# only a comment\n", 0, "empty"},
		{"millions of items", "x:\n" + strings.Repeat("- a\n", 400_000), 0, "refusing to parse"},
		{"many flow items", "x: [" + strings.Repeat("a,", 200_000) + "a]\n", 0, "refusing to parse"},
		{"bad merge", "a: 1\nb:\n  <<: 5\n", 3, "merge key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := decodeYAML("x.yml", []byte(tt.src), model.Positions{})
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want it to contain %q", err, tt.want)
			}
			var pe *posError
			line := 0
			if errors.As(err, &pe) {
				line = pe.Line
			}
			if tt.line > 0 && line != tt.line {
				t.Errorf("error %q at line %d, want line %d", err, line, tt.line)
			}
		})
	}
}

func TestDecodeYAMLDepth(t *testing.T) {
	src := strings.Repeat("[", 2000) + strings.Repeat("]", 2000)
	if _, err := decodeYAML("d.yml", []byte(src), model.Positions{}); err == nil {
		t.Fatal("no error for 2000 nested sequences")
	}
}

func TestChildPath(t *testing.T) {
	tests := []struct{ path, key, want string }{
		{"", "jobs", "jobs"},
		{"jobs", "build-1_x", "jobs.build-1_x"},
		{"with", "a.b", `with["a.b"]`},
		{"", "a b", `["a b"]`},
	}
	for _, tt := range tests {
		if got := childPath(tt.path, tt.key); got != tt.want {
			t.Errorf("childPath(%q, %q) = %q, want %q", tt.path, tt.key, got, tt.want)
		}
	}
}
