package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"html"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// headless runs Chromium on a file URL with extra flags and returns its
// stdout and stderr.
func headless(t *testing.T, bin, profile, target string, flags ...string) (string, string) {
	t.Helper()
	args := append([]string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
		"--user-data-dir=" + profile, "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
	}, flags...)
	args = append(args, target)
	// Headless Chromium sometimes dies of a signal (SIGSEGV, SIGTRAP) when
	// the machine is loaded, as under `go test ./...` on 2 cores: that is
	// the browser crashing, not the page failing, so it is retried; an exit
	// with a status, and every check on the output, still fail the test.
	const attempts = 3
	for i := 1; ; i++ {
		cmd := exec.CommandContext(t.Context(), bin, args...)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		if err == nil {
			return out.String(), errb.String()
		}
		var ee *exec.ExitError
		if errors.As(err, &ee) && i < attempts && t.Context().Err() == nil {
			if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
				t.Logf("chromium %s: %v (attempt %d of %d), retrying", strings.Join(flags, " "), err, i, attempts)
				continue
			}
		}
		t.Fatalf("chromium %s: %v\n%s", strings.Join(flags, " "), err, tail(errb.Bytes()))
	}
}

var (
	reMetric  = regexp.MustCompile(`data-metric="([^"]+)">([^<]*)<`)
	reSection = regexp.MustCompile(`<section class="fw( active)?" id="fw-([^"]+)" data-fw="[^"]+"(?: data-shown="(\d+)")?>`)
	reRow     = regexp.MustCompile(`<tr data-status="([^"]+)" data-control="([^"]+)"( hidden="")?>`)
	reCell    = regexp.MustCompile(`<td class="n" data-n="([a-z]+)">(\d+)</td>`)
	reHTMLTag = regexp.MustCompile(`<html[^>]*>`)
)

// domSection is one framework section of a dumped DOM.
type domSection struct {
	active  bool
	shown   int
	rows    map[string]map[string]int // control → counts
	status  map[string]string         // control → data-status
	visible []string                  // controls of rows not hidden
	total   int
}

func parseSections(t *testing.T, dom string) map[string]*domSection {
	t.Helper()
	out := map[string]*domSection{}
	locs := reSection.FindAllStringSubmatchIndex(dom, -1)
	for i, loc := range locs {
		end := len(dom)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		body := dom[loc[1]:end]
		key := dom[loc[4]:loc[5]]
		s := &domSection{active: loc[2] >= 0, rows: map[string]map[string]int{}, status: map[string]string{}, shown: -1}
		if loc[6] >= 0 {
			s.shown, _ = strconv.Atoi(dom[loc[6]:loc[7]])
		}
		rowLocs := reRow.FindAllStringSubmatchIndex(body, -1)
		for j, rl := range rowLocs {
			rend := len(body)
			if j+1 < len(rowLocs) {
				rend = rowLocs[j+1][0]
			}
			id := html.UnescapeString(body[rl[4]:rl[5]])
			s.total++
			s.status[id] = body[rl[2]:rl[3]]
			if rl[6] < 0 {
				s.visible = append(s.visible, id)
			}
			counts := map[string]int{}
			for _, m := range reCell.FindAllStringSubmatch(body[rl[1]:rend], -1) {
				counts[m[1]], _ = strconv.Atoi(m[2])
			}
			s.rows[id] = counts
		}
		out[key] = s
	}
	return out
}

// pageNumbers is the JSON report read generically, so that the test does not
// reuse the writer's own types to check it.
type pageNumbers struct {
	Runs      int `json:"runs"`
	Passed    int `json:"passed"`
	Blocked   int `json:"blocked"`
	Errored   int `json:"errored"`
	Integrity struct {
		Bad int `json:"bad"`
	} `json:"integrity"`
	Problems   []map[string]string `json:"problems"`
	Frameworks []struct {
		Key        string `json:"key"`
		Score      string `json:"score"`
		Total      int    `json:"total"`
		Automated  int    `json:"automated"`
		Passing    int    `json:"passing"`
		Failing    int    `json:"failing"`
		Unknown    int    `json:"unknown"`
		Excepted   int    `json:"excepted"`
		NoEvidence int    `json:"no_evidence"`
		Manual     int    `json:"manual"`
		Controls   []struct {
			ID       string `json:"id"`
			Status   string `json:"status"`
			Runs     int    `json:"runs"`
			Pass     int    `json:"pass"`
			Fail     int    `json:"fail"`
			Unknown  int    `json:"unknown"`
			Excepted int    `json:"excepted"`
		} `json:"controls"`
		ManualControls []struct {
			ID string `json:"id"`
		} `json:"manual_controls"`
	} `json:"frameworks"`
}

func (j *pageNumbers) metrics() map[string]string {
	m := map[string]string{
		"runs": strconv.Itoa(j.Runs), "passed": strconv.Itoa(j.Passed), "blocked": strconv.Itoa(j.Blocked),
		"errored": strconv.Itoa(j.Errored), "bad": strconv.Itoa(j.Integrity.Bad),
	}
	if len(j.Problems) > 0 {
		m["problems"] = strconv.Itoa(len(j.Problems))
	}
	for _, f := range j.Frameworks {
		for k, v := range map[string]int{"total": f.Total, "automated": f.Automated, "passing": f.Passing, "failing": f.Failing,
			"unknown": f.Unknown, "excepted": f.Excepted, "no_evidence": f.NoEvidence, "manual": f.Manual} {
			m[f.Key+"."+k] = strconv.Itoa(v)
		}
		m[f.Key+".score"] = f.Score
	}
	return m
}

// TestChromiumComplianceReport opens the HTML report in headless Chromium:
// it must run its script without errors, show the JSON report's numbers,
// and filter rows by status; a screenshot is written for review (and to
// $GATE_SCREENSHOT_DIR/report-sample.png with the page beside it, when set;
// a relative directory is taken from the repository root).
func TestChromiumComplianceReport(t *testing.T) {
	bin := chromium(t)
	cases := []struct {
		name   string
		damage func(t *testing.T, files []string)
		// sample: the clean log is the README's sample and gets the
		// filter checks (one Chromium run each).
		sample bool
	}{
		{"ten runs", nil, true},
		{"one bad record", func(t *testing.T, files []string) { flipByte(t, files[4]) }, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := buildCompliance(t, sampleLog(t, tc.damage))
			c.Source = "evidence/"
			tmp := t.TempDir()
			var page, js bytes.Buffer
			if err := ComplianceHTML(&page, c); err != nil {
				t.Fatal(err)
			}
			if err := ComplianceJSON(&js, c); err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(tmp, "report.html")
			if err := os.WriteFile(file, page.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("HTML report: %d bytes, %d runs, %d problem(s)", page.Len(), c.Runs, len(c.Problems))
			var want pageNumbers
			if err := json.Unmarshal(js.Bytes(), &want); err != nil {
				t.Fatal(err)
			}
			u := (&url.URL{Scheme: "file", Path: filepath.ToSlash(file)}).String()
			profile := filepath.Join(tmp, "profile")

			// 1. It loads, runs its script without errors, and shows the
			// JSON report's numbers.
			dom, stderr := headless(t, bin, profile, u, "--dump-dom")
			checkConsole(t, stderr)
			htmlTag := reHTMLTag.FindString(dom)
			if !strings.Contains(htmlTag, `data-js="on"`) {
				t.Fatalf("the report's script did not run: %s", htmlTag)
			}
			if strings.Contains(htmlTag, "data-js-errors") {
				t.Fatalf("script errors: %s", htmlTag)
			}
			got := map[string]string{}
			for _, m := range reMetric.FindAllStringSubmatch(dom, -1) {
				got[m[1]] = html.UnescapeString(strings.TrimSpace(m[2]))
			}
			checked := 0
			for k, v := range want.metrics() {
				if got[k] != v {
					t.Errorf("the page shows %s = %q, the JSON report says %q", k, got[k], v)
				}
				checked++
			}
			if (len(want.Problems) > 0) != (got["problems"] != "") {
				t.Errorf("problems shown %q, JSON has %d", got["problems"], len(want.Problems))
			}
			sections := parseSections(t, dom)
			rows := 0
			for i, f := range want.Frameworks {
				s := sections[f.Key]
				if s == nil {
					t.Fatalf("no section for %s", f.Key)
				}
				if s.active != (i == 0) {
					t.Errorf("%s active %v", f.Key, s.active)
				}
				if s.total != len(f.Controls)+len(f.ManualControls) || len(s.visible) != s.total || s.shown != s.total {
					t.Errorf("%s: %d rows (%d visible, %d counted by the page), want %d", f.Key, s.total, len(s.visible), s.shown, len(f.Controls)+len(f.ManualControls))
				}
				for _, ctl := range f.Controls {
					r := s.rows[ctl.ID]
					wantCounts := map[string]int{"runs": ctl.Runs, "pass": ctl.Pass, "fail": ctl.Fail, "unknown": ctl.Unknown, "excepted": ctl.Excepted}
					for k, v := range wantCounts {
						if r[k] != v {
							t.Errorf("%s %s: the page shows %s = %d, the JSON report says %d", f.Key, ctl.ID, k, r[k], v)
						}
						checked++
					}
					if s.status[ctl.ID] != ctl.Status {
						t.Errorf("%s %s: status %q, want %q", f.Key, ctl.ID, s.status[ctl.ID], ctl.Status)
					}
					rows++
				}
				for _, m := range f.ManualControls {
					if s.status[m.ID] != StatusManual {
						t.Errorf("%s %s: status %q, want manual", f.Key, m.ID, s.status[m.ID])
					}
				}
			}
			t.Logf("checked %d numbers over %d control rows against the JSON report", checked, rows)

			// 2. Filters: #fw=…&status=… opens a framework with only its
			// rows of that status.
			filters := []struct{ fw, status string }{{"soc2", "fail"}, {"nist_800_53r5", StatusManual}}
			if !tc.sample {
				filters = nil
			}
			for _, f := range want.Frameworks {
				for _, fl := range filters {
					if fl.fw != f.Key {
						continue
					}
					status := fl.status
					wantRows := 0
					for _, ctl := range f.Controls {
						if ctl.Status == status {
							wantRows++
						}
					}
					if status == StatusManual {
						wantRows = len(f.ManualControls)
					}
					if wantRows == 0 {
						t.Fatalf("the sample has no %s row in %s: the filter check would prove nothing", status, f.Key)
					}
					dom, stderr := headless(t, bin, profile, u+"#fw="+f.Key+"&status="+status, "--dump-dom")
					checkConsole(t, stderr)
					s := parseSections(t, dom)[f.Key]
					if s == nil || !s.active {
						t.Fatalf("#fw=%s did not open its section", f.Key)
					}
					if len(s.visible) != wantRows || s.shown != wantRows {
						t.Errorf("#fw=%s&status=%s: %d rows visible (page says %d), the JSON report has %d", f.Key, status, len(s.visible), s.shown, wantRows)
					}
					for _, id := range s.visible {
						if s.status[id] != status {
							t.Errorf("#fw=%s&status=%s shows %s (%s)", f.Key, status, id, s.status[id])
						}
					}
				}
			}

			// 3. A screenshot for review.
			shot := filepath.Join(tmp, "report.png")
			_, stderr = headless(t, bin, profile, u, "--screenshot="+shot, "--window-size=1280,2000")
			checkConsole(t, stderr)
			png, err := os.ReadFile(shot)
			if err != nil {
				t.Fatalf("no screenshot: %v", err)
			}
			if !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) || len(png) < 20000 {
				t.Fatalf("screenshot is not a picture of the page (%d bytes)", len(png))
			}
			t.Logf("screenshot: %s (%d bytes)", shot, len(png))
			if dir := os.Getenv("GATE_SCREENSHOT_DIR"); dir != "" && tc.sample {
				if !filepath.IsAbs(dir) {
					dir = filepath.Join("../..", dir) // relative to the repository root
				}
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				for name, data := range map[string][]byte{"report-sample.png": png, "report-sample.html": page.Bytes()} {
					if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				t.Logf("sample written to %s", dir)
			}
		})
	}
}

// checkConsole fails on JavaScript errors Chromium logged.
func checkConsole(t *testing.T, stderr string) {
	t.Helper()
	for _, line := range strings.Split(stderr, "\n") {
		if strings.Contains(line, "Uncaught") || strings.Contains(line, ":CONSOLE") && strings.Contains(strings.ToLower(line), "error") ||
			strings.Contains(line, "Refused to") {
			t.Errorf("console: %s", line)
		}
	}
}

// TestChromiumFindsErrors makes sure the console check can fail: a page
// with a script error is caught both in the DOM and on the console.
func TestChromiumFindsErrors(t *testing.T) {
	bin := chromium(t)
	tmp := t.TempDir()
	var page bytes.Buffer
	c := &Compliance{Tool: "gate", Frameworks: []FrameworkSection{}}
	if err := ComplianceHTML(&page, c); err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(page.String(), `root.setAttribute("data-js", "on");`, `undefinedFunction(); root.setAttribute("data-js", "on");`, 1)
	file := filepath.Join(tmp, "broken.html")
	if err := os.WriteFile(file, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	dom, stderr := headless(t, bin, filepath.Join(tmp, "profile"), (&url.URL{Scheme: "file", Path: filepath.ToSlash(file)}).String(), "--dump-dom")
	tag := reHTMLTag.FindString(dom)
	if !strings.Contains(tag, "data-js-errors") || strings.Contains(tag, `data-js="on"`) {
		t.Errorf("a script error was not recorded in the DOM: %s", tag)
	}
	if !strings.Contains(stderr, "Uncaught") {
		t.Errorf("a script error was not logged on the console:\n%s", tail([]byte(stderr)))
	}
}
