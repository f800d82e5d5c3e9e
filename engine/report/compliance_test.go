package report

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/gatehq/gate/engine/catalog"
	"github.com/gatehq/gate/engine/evidence"
	"github.com/gatehq/gate/engine/evidence/evidencetest"
	"github.com/gatehq/gate/engine/model"
	"github.com/gatehq/gate/internal/version"
)

const sampleRepo = "acme/payments"

// sampleRecords are ten real runs of the engine over the example stacks,
// built once per test binary.
var sampleRecords = sync.OnceValues(func() ([]byte, error) {
	recs, err := evidencetest.Runs(context.Background(), "../..", 10, sampleRepo)
	if err != nil {
		return nil, err
	}
	return json.Marshal(recs)
})

// sampleLog appends the ten runs to a directory log and returns its path.
// damage, when set, edits the log afterwards.
func sampleLog(t *testing.T, damage func(t *testing.T, files []string)) string {
	t.Helper()
	b, err := sampleRecords()
	if err != nil {
		t.Fatal(err)
	}
	var recs []*evidence.Record
	if err := json.Unmarshal(b, &recs); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	c, err := evidence.NewChecker()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "evidence")
	st, err := evidence.Create(ctx, dir, c)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		if _, err := st.Append(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	if damage != nil {
		files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
		damage(t, files)
	}
	return dir
}

// flipByte edits one byte in the middle of a file.
func flipByte(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)/2] ^= 0x01
	os.Chmod(path, 0o644)
	if err := os.WriteFile(path, b, 0o444); err != nil {
		t.Fatal(err)
	}
}

func buildCompliance(t *testing.T, dir string) *Compliance {
	t.Helper()
	c, err := evidence.NewChecker()
	if err != nil {
		t.Fatal(err)
	}
	v, err := evidence.Load(context.Background(), dir, c)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.New()
	if err != nil {
		t.Fatal(err)
	}
	return BuildCompliance(cat, v, ComplianceOptions{Source: "evidence/", Version: version.Version})
}

func TestComplianceMatrix(t *testing.T) {
	var bad string
	dir := sampleLog(t, func(t *testing.T, files []string) {
		bad = filepath.Base(files[6])
		flipByte(t, files[6])
	})
	c := buildCompliance(t, dir)
	if c.Runs != 9 || c.Repository != sampleRepo || c.Integrity.Verified || c.Integrity.Bad != 1 || c.Integrity.Records != 10 {
		t.Fatalf("runs %d, repository %q, integrity %+v", c.Runs, c.Repository, c.Integrity)
	}
	if len(c.Problems) == 0 || c.Problems[0].Record != bad {
		t.Fatalf("problems %v, want one naming %s", c.Problems, bad)
	}
	if c.Passed+c.Blocked+c.Errored != c.Runs {
		t.Errorf("passed %d + blocked %d + errored %d != %d runs", c.Passed, c.Blocked, c.Errored, c.Runs)
	}
	if c.FirstRun != "2026-01-05T09:30:00Z" || c.LastRun != "2026-02-01T09:30:00Z" {
		t.Errorf("period %s to %s", c.FirstRun, c.LastRun)
	}
	wantTotal := map[string]int{model.FrameworkSOC2: 61, model.FrameworkISO27001: 93, model.FrameworkNISTCSF: 106}
	if len(c.Frameworks) != 4 {
		t.Fatalf("%d frameworks", len(c.Frameworks))
	}
	for _, s := range c.Frameworks {
		if w, ok := wantTotal[s.Key]; ok && s.Total != w {
			t.Errorf("%s: %d assessable controls, want %d", s.Key, s.Total, w)
		}
		scored := 0
		for _, r := range s.Controls {
			if r.InCatalog {
				scored++
			}
			if len(r.Rules) == 0 {
				t.Errorf("%s %s: a matrix row without rules", s.Key, r.ID)
			}
			if r.Pass+r.Fail+r.Unknown+r.Excepted != r.Runs {
				t.Errorf("%s %s: verdict counts do not add up to %d runs", s.Key, r.ID, r.Runs)
			}
			if r.Runs > c.Runs {
				t.Errorf("%s %s: %d runs of %d", s.Key, r.ID, r.Runs, c.Runs)
			}
			if r.Fail > 0 && r.LastFailure == nil || r.Fail == 0 && r.LastFailure != nil {
				t.Errorf("%s %s: %d failures, last failure %+v", s.Key, r.ID, r.Fail, r.LastFailure)
			}
			if r.InCatalog && r.Title == "" {
				t.Errorf("%s %s: no title", s.Key, r.ID)
			}
		}
		if scored+s.Manual != s.Total || s.Automated+s.NoEvidence+s.Manual != s.Total {
			t.Errorf("%s: %d scored rows + %d manual != %d; automated %d no-evidence %d", s.Key, scored, s.Manual, s.Total, s.Automated, s.NoEvidence)
		}
		if s.Passing+s.Failing+s.Unknown+s.Excepted != s.Automated {
			t.Errorf("%s: statuses do not add up to %d automated", s.Key, s.Automated)
		}
		for _, m := range s.ManualControls {
			if m.Title == "" {
				t.Errorf("%s manual %s: no catalog title", s.Key, m.ID)
			}
		}
		want := s.Name + ": " + strconv.Itoa(s.Automated) + " of " + strconv.Itoa(s.Total) + " " + s.Unit + " have automated evidence; " + strconv.Itoa(s.Passing) + " passing"
		if s.Score != want {
			t.Errorf("score %q, want %q", s.Score, want)
		}
	}
	soc2 := c.Frameworks[0]
	if soc2.Automated == 0 || soc2.Manual == 0 {
		t.Fatalf("SOC 2: %d automated, %d manual: the sample runs should judge some criteria and not others", soc2.Automated, soc2.Manual)
	}
	// Manual SOC 2 criteria include the ones no tool can see, with their
	// catalog title (CC1.4: competence of people).
	found := false
	for _, m := range soc2.ManualControls {
		if m.ID == "CC1.4" {
			found = true
		}
	}
	if !found {
		t.Error("SOC 2 CC1.4 is not listed as manual")
	}

	// The period filter: runs every three days from Jan 5; Jan 8–14 holds 3.
	since, _ := evidence.ParseTime("2026-01-08", false)
	until, _ := evidence.ParseTime("2026-01-14", true)
	ck, _ := evidence.NewChecker()
	v, _ := evidence.Load(context.Background(), dir, ck)
	cat, _ := catalog.New()
	p := BuildCompliance(cat, v, ComplianceOptions{Since: since, Until: until, Frameworks: []string{model.FrameworkSOC2}})
	if p.Runs != 3 || len(p.Frameworks) != 1 || p.Period() != "2026-01-08 to 2026-01-14" {
		t.Errorf("period report: %d runs, %d frameworks, period %q", p.Runs, len(p.Frameworks), p.Period())
	}
}

func TestComplianceFormats(t *testing.T) {
	dir := sampleLog(t, func(t *testing.T, files []string) { flipByte(t, files[2]) })
	c := buildCompliance(t, dir)
	render := func(format string) []byte {
		var buf bytes.Buffer
		if err := WriteCompliance(&buf, format, c); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		return buf.Bytes()
	}
	for _, f := range ComplianceFormats() {
		if a, b := render(f), render(f); !bytes.Equal(a, b) {
			t.Errorf("%s output is not deterministic", f)
		}
	}
	if err := WriteCompliance(&bytes.Buffer{}, "pdf", c); err == nil {
		t.Error("unknown format accepted")
	}

	var back Compliance
	if err := json.Unmarshal(render("json"), &back); err != nil {
		t.Fatal(err)
	}
	if back.Runs != c.Runs || len(back.Frameworks) != len(c.Frameworks) || back.Frameworks[0].Score != c.Frameworks[0].Score {
		t.Errorf("json round trip: %+v", back)
	}

	md := string(render("markdown"))
	for _, want := range []string{"# Compliance report: acme/payments", "## Summary", "## Evidence problems (", "### Manual:",
		c.Frameworks[0].Score, c.Problems[0].Record, "| CC1.4 |"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}

	rows, err := csv.NewReader(bytes.NewReader(render("csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	n, manual := 0, 0
	for _, s := range c.Frameworks {
		n += len(s.Controls) + len(s.ManualControls)
		manual += len(s.ManualControls)
	}
	if len(rows) != n+1 {
		t.Errorf("%d csv rows, want %d and a header", len(rows), n)
	}
	gotManual := 0
	for _, r := range rows[1:] {
		if len(r) != len(rows[0]) {
			t.Fatalf("ragged row %v", r)
		}
		if r[3] == StatusManual {
			gotManual++
			if r[2] == "" {
				t.Errorf("manual row without a title: %v", r)
			}
		}
	}
	if gotManual != manual {
		t.Errorf("%d manual csv rows, want %d", gotManual, manual)
	}
}

func TestComplianceHTMLSelfContained(t *testing.T) {
	c := buildCompliance(t, sampleLog(t, nil))
	// Hostile text from records is escaped, never markup.
	c.Problems = append(c.Problems, evidence.Problem{Record: `<img src=x onerror=alert(1)>`, Err: os.ErrNotExist})
	for i := range c.Frameworks[0].Controls {
		c.Frameworks[0].Controls[i].Exceptions = append(c.Frameworks[0].Controls[i].Exceptions,
			evidence.ExceptionUse{ExceptionTerms: evidence.ExceptionTerms{RuleID: "X", Justification: `</script><script>alert(1)</script>`}})
	}
	var buf bytes.Buffer
	if err := ComplianceHTML(&buf, c); err != nil {
		t.Fatal(err)
	}
	html := buf.String()
	for _, bad := range []string{"<img", "<script>alert(1)", "<link", "<iframe", "<object", "<embed", "@import", "url(", "http-equiv=\"refresh\""} {
		if strings.Contains(html, bad) {
			t.Errorf("HTML contains %q", bad)
		}
	}
	if m := regexp.MustCompile(`<[a-z]+\s[^>]*\b(src|srcset|data)=`).FindString(html); m != "" {
		t.Errorf("HTML loads something: %s", m)
	}
	if !strings.Contains(html, "&lt;img src=x onerror=alert(1)&gt;") {
		t.Error("a hostile record name is not shown escaped")
	}
	if !strings.Contains(html, "Content-Security-Policy\" content=\"default-src 'none'") {
		t.Error("no Content-Security-Policy forbidding external loads")
	}
	if n := strings.Count(html, "<script"); n != 2 {
		t.Errorf("%d script elements, want the two inline ones", n)
	}
	// Summary first, then the frameworks.
	if i, j := strings.Index(html, `id="summary"`), strings.Index(html, `class="fw"`); i < 0 || j < 0 || i > j {
		t.Error("the summary does not come before the framework sections")
	}
	if !strings.Contains(html, "@media print") {
		t.Error("no print styles")
	}
	rows := regexp.MustCompile(`<tr data-status="`).FindAllStringIndex(html, -1)
	want := 0
	for _, s := range c.Frameworks {
		want += len(s.Controls) + len(s.ManualControls)
	}
	if len(rows) != want {
		t.Errorf("%d rows, want %d", len(rows), want)
	}
}
