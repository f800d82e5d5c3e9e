package report

import (
	"bufio"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/gatehq/gate/engine/evidence"
)

// ComplianceHTML writes the report as one self-contained HTML page: no
// external scripts, styles, fonts or images (a Content-Security-Policy
// forbids loading any). The summary comes first, then one tab per framework
// with the control matrix; buttons filter the rows by status (also from the
// URL: #fw=soc2&status=fail). Without JavaScript, and when printed, every
// framework is shown one after the other.
func ComplianceHTML(w io.Writer, c *Compliance) error {
	bw := bufio.NewWriter(w)
	if err := complianceTemplate.Execute(bw, c); err != nil {
		return fmt.Errorf("html report: %w", err)
	}
	return bw.Flush()
}

// statuses are the filter buttons, in order.
var statuses = []struct{ Key, Label string }{
	{"fail", "Failing"}, {"unknown", "Unknown"}, {"excepted", "Excepted"}, {"pass", "Passing"},
	{StatusNoEvidence, "No evidence"}, {StatusManual, "Manual"},
}

var complianceTemplate = template.Must(template.New("compliance").Funcs(template.FuncMap{
	"day":   day,
	"label": statusLabel,
	"runref": func(f *evidence.RunRef) string {
		g := *f
		g.Rules = nil
		return failureText(&g)
	},
	"short":    shortSHA,
	"statuses": func() []struct{ Key, Label string } { return statuses },
	"pct": func(n, total int) string {
		if total == 0 {
			return "0"
		}
		return fmt.Sprintf("%.2f", 100*float64(n)/float64(total))
	},
	"join": strings.Join,
	"add":  func(a, b int) int { return a + b },
	"ruleTitle": func(c *Compliance, id string) string {
		for _, r := range c.Rules {
			if r.ID == id {
				return r.Title
			}
		}
		return ""
	},
	"exc": func(e evidence.ExceptionUse) string { return exceptionText(e) },
}).Parse(complianceHTML))

const complianceHTML = `<!DOCTYPE html>
<html lang="en" data-js="off">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="gate {{.Version}}">
<title>Compliance report{{with .Repository}}: {{.}}{{end}}</title>
<script>
(function () {
  var root = document.documentElement;
  function note(msg) {
    root.setAttribute("data-js-errors", (root.getAttribute("data-js-errors") || "") + msg + "\n");
  }
  window.addEventListener("error", function (e) { note("error: " + (e.message || e.type) + " at line " + (e.lineno || 0)); });
  window.addEventListener("unhandledrejection", function (e) { note("unhandled rejection: " + e.reason); });
  var orig = console.error;
  console.error = function () { note("console.error: " + Array.prototype.join.call(arguments, " ")); return orig.apply(console, arguments); };
})();
</script>
<style>
:root {
  --fg: #1d2330; --muted: #5b6472; --line: #d9dee6; --bg: #ffffff; --soft: #f5f7fa;
  --pass: #1a7f37; --pass-bg: #dafbe1; --fail: #c62828; --fail-bg: #ffe3e3;
  --unknown: #9a6700; --unknown-bg: #fff4d6; --excepted: #6f42c1; --excepted-bg: #efe6ff;
  --none: #57606a; --none-bg: #eaeef2; --manual: #6e7781; --manual-bg: #f6f8fa;
}
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--fg); background: var(--bg); font-size: 15px; line-height: 1.45; }
body { margin: 0 auto; max-width: 1240px; padding: 24px 28px 48px; }
h1 { font-size: 1.7rem; margin: 0 0 4px; }
h2 { font-size: 1.3rem; margin: 32px 0 8px; }
p { margin: 6px 0; }
a { color: #0b5cad; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; }
.sub { color: var(--muted); }
.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 10px; margin: 18px 0; }
.fact { background: var(--soft); border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.fact .k { color: var(--muted); font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; }
.fact .v { font-size: 1.5rem; font-weight: 650; }
.integrity { border-radius: 8px; padding: 10px 14px; margin: 12px 0; border: 1px solid; }
.integrity.ok { background: var(--pass-bg); border-color: #9be9a8; }
.integrity.bad { background: var(--fail-bg); border-color: #ffb3b3; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 14px; margin: 16px 0; }
.card { border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; background: var(--bg); }
.card h3 { margin: 0 0 6px; font-size: 1.05rem; }
.card .big { font-size: 2rem; font-weight: 700; }
.card .of { color: var(--muted); }
.card a.open { font-size: 0.9rem; }
.bar { display: flex; height: 12px; border-radius: 6px; overflow: hidden; background: var(--manual-bg); border: 1px solid var(--line); margin: 10px 0 8px; }
.bar span { display: block; height: 100%; }
.bar .pass { background: var(--pass); } .bar .fail { background: var(--fail); } .bar .unknown { background: #d4a72c; }
.bar .excepted { background: var(--excepted); } .bar .no_evidence { background: #afb8c1; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 12px; font-size: 0.85rem; color: var(--muted); }
.legend b { color: var(--fg); }
.score { font-weight: 600; }
.score.small { font-weight: 500; font-size: 0.85rem; color: var(--muted); }
.tabs { display: flex; flex-wrap: wrap; gap: 4px; border-bottom: 2px solid var(--line); margin: 28px 0 0; }
.tabs button { font: inherit; border: 1px solid var(--line); border-bottom: none; background: var(--soft); padding: 8px 14px; border-radius: 8px 8px 0 0; cursor: pointer; color: var(--fg); }
.tabs button[aria-selected="true"] { background: var(--bg); border-color: #8c959f; font-weight: 650; position: relative; top: 2px; }
.filters { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 14px 0 6px; }
.filters button { font: inherit; font-size: 0.9rem; border: 1px solid var(--line); background: var(--bg); border-radius: 999px; padding: 4px 12px; cursor: pointer; color: var(--fg); }
.filters button[aria-pressed="true"] { background: var(--fg); color: #fff; border-color: var(--fg); }
table.matrix { width: 100%; border-collapse: collapse; margin: 10px 0 24px; font-size: 0.9rem; }
table.matrix th, table.matrix td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
table.matrix thead th { position: sticky; top: 0; background: var(--soft); font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.03em; color: var(--muted); }
table.matrix td.n, table.matrix th.n { text-align: right; font-variant-numeric: tabular-nums; }
table.matrix td.id { white-space: nowrap; font-weight: 600; }
table.matrix td.title { min-width: 160px; }
tr[data-status="manual"] td { color: var(--manual); }
.pill { display: inline-block; border-radius: 999px; padding: 1px 9px; font-size: 0.8rem; font-weight: 650; white-space: nowrap; }
.pill.pass { color: var(--pass); background: var(--pass-bg); } .pill.fail { color: var(--fail); background: var(--fail-bg); }
.pill.unknown { color: var(--unknown); background: var(--unknown-bg); } .pill.excepted { color: var(--excepted); background: var(--excepted-bg); }
.pill.no_evidence { color: var(--none); background: var(--none-bg); } .pill.manual { color: var(--manual); background: var(--manual-bg); border: 1px solid var(--line); }
ul.exc { margin: 0; padding-left: 16px; }
ul.rules { margin: 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 2px 6px; max-width: 330px; }
ul.rules li { white-space: nowrap; }
.failrules { display: block; color: var(--muted); font-size: 0.8rem; }
details.more summary { color: var(--muted); font-size: 0.85rem; cursor: pointer; }
.problems { border: 1px solid #ffb3b3; background: #fff5f5; border-radius: 8px; padding: 4px 16px 10px; }
.problems li { margin: 4px 0; }
.empty { color: var(--muted); font-style: italic; }
footer { margin-top: 40px; color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--line); padding-top: 10px; }
[hidden] { display: none !important; }
html:not([data-js="on"]) .tabs, html:not([data-js="on"]) .filters { display: none; }
html[data-js="on"] section.fw:not(.active) { display: none; }
@media print {
  html { font-size: 11px; }
  body { max-width: none; padding: 0; }
  .tabs, .filters, a.open { display: none !important; }
  html[data-js="on"] section.fw:not(.active) { display: block; }
  section.fw { break-before: page; }
  table.matrix thead th { position: static; }
  tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .card, .fact { break-inside: avoid; }
}
</style>
</head>
<body>
<header>
<h1>Compliance report{{with .Repository}}: <span class="mono">{{.}}</span>{{end}}</h1>
<p class="sub">Period: <b data-metric="period">{{.Period}}</b> · source <code>{{.Source}}</code> · gate {{.Version}}</p>
</header>

<section id="summary">
<h2>Summary</h2>
<div class="facts">
<div class="fact"><div class="k">Runs</div><div class="v" data-metric="runs">{{.Runs}}</div></div>
<div class="fact"><div class="k">Passed</div><div class="v" data-metric="passed">{{.Passed}}</div></div>
<div class="fact"><div class="k">Blocked</div><div class="v" data-metric="blocked">{{.Blocked}}</div></div>
<div class="fact"><div class="k">Could not run</div><div class="v" data-metric="errored">{{.Errored}}</div></div>
<div class="fact"><div class="k">Bad records</div><div class="v" data-metric="bad">{{.Integrity.Bad}}</div></div>
</div>
<div class="integrity {{if .Integrity.Verified}}ok{{else}}bad{{end}}" data-metric="integrity">{{if .Integrity.Verified}}✔ Evidence verified: {{else}}✖ Evidence problems: {{end}}{{.IntegrityLine}}</div>
{{range .RulePacks}}<p class="sub">Rule pack: gate {{.Version}}, digest <code title="{{.Digest}}">{{short .Digest}}</code> ({{.Runs}} run(s))</p>
{{end}}
<div class="cards">
{{range .Frameworks}}<div class="card" data-fw="{{.Key}}">
<h3>{{.Name}}</h3>
<div><span class="big" data-metric="{{.Key}}.automated">{{.Automated}}</span> <span class="of">of <span data-metric="{{.Key}}.total">{{.Total}}</span> {{.Unit}} have automated evidence</span></div>
<div class="bar" role="img" aria-label="{{.Score}}">
<span class="pass" style="width: {{pct .Passing .Total}}%"></span><span class="fail" style="width: {{pct .Failing .Total}}%"></span><span class="unknown" style="width: {{pct .Unknown .Total}}%"></span><span class="excepted" style="width: {{pct .Excepted .Total}}%"></span><span class="no_evidence" style="width: {{pct .NoEvidence .Total}}%"></span>
</div>
<div class="legend">
<span><b data-metric="{{.Key}}.passing">{{.Passing}}</b> passing</span>
<span><b data-metric="{{.Key}}.failing">{{.Failing}}</b> failing</span>
<span><b data-metric="{{.Key}}.unknown">{{.Unknown}}</b> unknown</span>
<span><b data-metric="{{.Key}}.excepted">{{.Excepted}}</b> excepted</span>
<span><b data-metric="{{.Key}}.no_evidence">{{.NoEvidence}}</b> rules did not apply</span>
<span><b data-metric="{{.Key}}.manual">{{.Manual}}</b> manual</span>
</div>
<p class="score small" data-metric="{{.Key}}.score">{{.Score}}</p>
<a class="open" href="#fw={{.Key}}&amp;status=all" data-open="{{.Key}}">Open the {{.Name}} matrix</a>
</div>
{{end}}</div>
</section>

{{if .Problems}}<section id="problems" class="problems">
<h2>Evidence problems (<span data-metric="problems">{{len .Problems}}</span>)</h2>
<p>These records failed verification; the report does not count them.</p>
<ul>{{range .Problems}}<li><code>{{.Record}}</code>: {{.Err}}</li>{{end}}</ul>
</section>
{{end}}

<nav class="tabs" role="tablist" aria-label="Frameworks">
{{range .Frameworks}}<button type="button" role="tab" data-fw="{{.Key}}" aria-selected="false">{{.Name}}</button>
{{end}}</nav>
<div class="filters" role="group" aria-label="Filter controls by status">
<span class="sub">Show:</span>
<button type="button" data-status="all" aria-pressed="true">All</button>
{{range statuses}}<button type="button" data-status="{{.Key}}" aria-pressed="false">{{.Label}}</button>
{{end}}</div>

{{range $fw := .Frameworks}}<section class="fw" id="fw-{{.Key}}" data-fw="{{.Key}}">
<h2>{{.Name}}</h2>
<p class="score">{{.Score}}. <span class="sub">Showing <span class="shown">{{add (len .Controls) (len .ManualControls)}}</span> row(s).</span></p>
<table class="matrix">
<thead><tr><th>Control</th><th>Title</th><th>Status</th><th>Rules</th><th class="n">Runs</th><th class="n">Pass</th><th class="n">Fail</th><th class="n">Unknown</th><th class="n">Excepted</th><th>Last failure</th><th>Exceptions</th></tr></thead>
<tbody>
{{range .Controls}}<tr data-status="{{.Status}}" data-control="{{.ID}}">
<td class="id">{{.ID}}{{if not .InCatalog}} <span class="sub" title="not one of the framework's assessable controls: not scored">(not scored)</span>{{end}}</td>
<td class="title">{{.Title}}</td>
<td><span class="pill {{.Status}}">{{label .Status}}</span></td>
<td><ul class="rules">{{range .Evidencing}}<li><code title="{{ruleTitle $ .}}">{{.}}</code></li>{{end}}</ul>{{with .Unapplied}}<details class="more"><summary>+{{len .}} mapped rule(s) did not apply</summary><ul class="rules">{{range .}}<li><code title="{{ruleTitle $ .}}">{{.}}</code></li>{{end}}</ul></details>{{end}}</td>
<td class="n" data-n="runs">{{.Runs}}</td><td class="n" data-n="pass">{{.Pass}}</td><td class="n" data-n="fail">{{.Fail}}</td><td class="n" data-n="unknown">{{.Unknown}}</td><td class="n" data-n="excepted">{{.Excepted}}</td>
<td>{{with .LastFailure}}{{if .URL}}<a href="{{.URL}}" title="{{.Time}}">{{runref .}}</a>{{else}}<span title="{{.Time}}">{{runref .}}</span>{{end}}{{with .Rules}}<span class="failrules">{{join . ", "}}</span>{{end}}{{end}}</td>
<td>{{if .Exceptions}}<ul class="exc">{{range .Exceptions}}<li>{{exc .}}</li>{{end}}</ul>{{end}}</td>
</tr>
{{end}}{{range .ManualControls}}<tr data-status="manual" data-control="{{.ID}}">
<td class="id">{{.ID}}</td><td class="title">{{.Title}}</td><td><span class="pill manual">Manual</span></td>
<td colspan="8" class="sub">collect evidence outside the gate</td>
</tr>
{{end}}</tbody>
</table>
<p class="empty" hidden>No control of {{.Name}} has this status.</p>
</section>
{{end}}
<footer>
Generated by gate {{.Version}} from evidence records (schema <code>https://gatehq.dev/schemas/evidence-record/v1.json</code>).
Counts are runs: a control is judged in a run when a rule mapped to it applied to that run's inputs.
Status is the control's verdict in the last run that judged it.
</footer>
<script>
(function () {
  var root = document.documentElement;
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.fw"));
  var tabs = Array.prototype.slice.call(document.querySelectorAll(".tabs button"));
  var filters = Array.prototype.slice.call(document.querySelectorAll(".filters button"));
  var known = {}, statuses = {};
  sections.forEach(function (s) { known[s.getAttribute("data-fw")] = true; });
  filters.forEach(function (b) { statuses[b.getAttribute("data-status")] = true; });
  var state = { fw: sections.length ? sections[0].getAttribute("data-fw") : "", status: "all" };

  function readHash() {
    location.hash.replace(/^#/, "").split("&").forEach(function (kv) {
      var i = kv.indexOf("=");
      if (i < 0) { return; }
      var k = kv.slice(0, i), v = decodeURIComponent(kv.slice(i + 1));
      if (k === "fw" && known[v]) { state.fw = v; }
      if (k === "status" && statuses[v]) { state.status = v; }
    });
  }
  function apply() {
    sections.forEach(function (s) {
      s.classList.toggle("active", s.getAttribute("data-fw") === state.fw);
      var shown = 0;
      Array.prototype.forEach.call(s.querySelectorAll("tbody tr"), function (tr) {
        var ok = state.status === "all" || tr.getAttribute("data-status") === state.status;
        tr.hidden = !ok;
        if (ok) { shown++; }
      });
      s.querySelector(".shown").textContent = String(shown);
      s.querySelector(".empty").hidden = shown > 0;
      s.setAttribute("data-shown", String(shown));
    });
    tabs.forEach(function (b) { b.setAttribute("aria-selected", b.getAttribute("data-fw") === state.fw ? "true" : "false"); });
    filters.forEach(function (b) { b.setAttribute("aria-pressed", b.getAttribute("data-status") === state.status ? "true" : "false"); });
    root.setAttribute("data-view", state.fw + "/" + state.status);
  }
  function go(fw, status) {
    if (fw) { state.fw = fw; }
    if (status) { state.status = status; }
    apply();
    try { history.replaceState(null, "", "#fw=" + encodeURIComponent(state.fw) + "&status=" + encodeURIComponent(state.status)); } catch (e) { /* file: URLs may refuse */ }
  }
  tabs.forEach(function (b) { b.addEventListener("click", function () { go(b.getAttribute("data-fw"), ""); }); });
  filters.forEach(function (b) { b.addEventListener("click", function () { go("", b.getAttribute("data-status")); }); });
  Array.prototype.forEach.call(document.querySelectorAll("a[data-open]"), function (a) {
    a.addEventListener("click", function (e) {
      e.preventDefault();
      go(a.getAttribute("data-open"), "all");
      document.querySelector(".tabs").scrollIntoView();
    });
  });
  window.addEventListener("hashchange", function () { readHash(); apply(); });
  readHash();
  apply();
  root.setAttribute("data-js", "on");
})();
</script>
</body>
</html>
`
