package catalog

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// embedded copies the embedded data into a map file system a test may alter.
func embedded(t *testing.T) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(data, "data", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(data, p)
		if err != nil {
			return err
		}
		m[p] = &fstest.MapFile{Data: b}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestLoadFailsClosed: damaged data makes New fail with an error naming the
// file and what is wrong, never a half-loaded catalog.
func TestLoadFailsClosed(t *testing.T) {
	tests := []struct {
		name      string
		file      string
		old, new  string // replaced once in file; old == "" deletes the file
		wantParts []string
	}{
		{"unknown field", fileSOC2, `"coso_principle":1}`, `"coso_principle":1,"extra":true}`,
			[]string{fileSOC2, "extra"}},
		{"successor missing", file80053, `"withdrawn_to":["AC-2","AU-6"]`, `"withdrawn_to":["AC-2","AC-99"]`,
			[]string{"AC-13", "AC-99"}},
		{"successor withdrawn", fileCSF20, `"withdrawn_to":["PR.AA-01","PR.AA-05"]`, `"withdrawn_to":["PR.AC-02"]`,
			[]string{"PR.AC-01", "PR.AC-02"}},
		{"crosswalks disagree", fileISO13To22, `{"iso2013":"A.12.4.1","iso2022":["A.8.15"]}`, `{"iso2013":"A.12.4.1","iso2022":["A.8.16"]}`,
			[]string{fileISO13To22, "A.12.4.1"}},
		{"duplicate id", fileISO2022, `"id":"A.5.2"`, `"id":"A.5.1"`,
			[]string{fileISO2022, "duplicate id A.5.1"}},
		{"non-canonical id", fileSOC2, `"id":"CC6.1"`, `"id":"cc6.1"`,
			[]string{fileSOC2, `"cc6.1"`, "canonical"}},
		{"crosswalk to withdrawn control", fileCSFTo53, `"RA-3","RA-10"`, `"RA-4","RA-10"`,
			[]string{fileCSFTo53, "RA-4"}},
		{"unknown relation", file80053, `"withdrawn_rel":"moved-to"`, `"withdrawn_rel":"renamed"`,
			[]string{file80053, "renamed"}},
		{"missing file", fileCSF11To20, "", "",
			[]string{fileCSF11To20}},
		{"not JSON", fileISO2013, `{`, `[`,
			[]string{fileISO2013}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := embedded(t)
			if tt.old == "" {
				delete(m, tt.file)
			} else {
				text := string(m[tt.file].Data)
				if !strings.Contains(text, tt.old) {
					t.Fatalf("%s does not contain %q", tt.file, tt.old)
				}
				m[tt.file] = &fstest.MapFile{Data: []byte(strings.Replace(text, tt.old, tt.new, 1))}
			}
			c, err := load(m)
			if err == nil {
				t.Fatalf("load succeeded (%d frameworks), want an error", len(c.fw))
			}
			for _, p := range tt.wantParts {
				if !strings.Contains(err.Error(), p) {
					t.Errorf("error %q lacks %q", err, p)
				}
			}
		})
	}
	// The untouched copy loads: the failures above come from the damage.
	if _, err := load(embedded(t)); err != nil {
		t.Fatalf("load of the embedded data: %v", err)
	}
}

func TestCanonicalizers(t *testing.T) {
	tests := []struct {
		name  string
		canon func(string) (string, bool)
		in    string
		want  string // "" = does not parse
	}{
		{"soc2", canonSOC2, "cc6.1", "CC6.1"},
		{"soc2 padded", canonSOC2, "CC06.01", "CC6.1"},
		{"soc2 PI", canonSOC2, "pi1.5", "PI1.5"},
		{"soc2 spaced", canonSOC2, "P 4.3", "P4.3"},
		{"soc2 series", canonSOC2, "CC6", ""},
		{"iso 2022", canonISO, "a.8.24", "A.8.24"},
		{"iso 27002 numbering", canonISO, "8.24", "A.8.24"},
		{"iso padded", canonISO, "A.08.05", "A.8.5"},
		{"iso 2013", canonISO, "A.9.4.2", "A.9.4.2"},
		{"iso no dot", canonISO, "A8.24", "A.8.24"},
		{"iso theme", canonISO, "A.8", ""},
		{"csf 2.0", canonCSF(true), "pr.ds-1", "PR.DS-01"},
		{"csf 2.0 dot", canonCSF(true), "PR.DS.01", "PR.DS-01"},
		{"csf 2.0 category", canonCSF(true), "pr.ds", "PR.DS"},
		{"csf 2.0 function", canonCSF(true), "pr", "PR"},
		{"csf 1.1", canonCSF(false), "PR.DS-01", "PR.DS-1"},
		{"csf garbage", canonCSF(true), "PR.DS-X", ""},
		{"800-53", canon80053, "ac-2", "AC-2"},
		{"800-53 padded", canon80053, "AC-02(01)", "AC-2(1)"},
		{"800-53 OSCAL", canon80053, "ac-2.1", "AC-2(1)"},
		{"800-53 no dash", canon80053, "AC2", "AC-2"},
		{"800-53 spaced", canon80053, " SC-28 (1) ", "SC-28(1)"},
		{"800-53 family", canon80053, "AC", ""},
		{"800-53 unclosed", canon80053, "AC-2(1", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tt.canon(tt.in)
			if tt.want == "" {
				if ok {
					t.Errorf("%q parsed as %q, want no parse", tt.in, got)
				}
				return
			}
			if !ok || got != tt.want {
				t.Errorf("%q → %q, %v; want %q", tt.in, got, ok, tt.want)
			}
		})
	}
}
