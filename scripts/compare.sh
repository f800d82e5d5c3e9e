#!/usr/bin/env bash
# compare.sh — time the gate against conftest (and trivy, when it installs)
# on the same synthetic Terraform plan and directory (fixtures/gen), and
# write a Markdown table.
#
#   make compare                       # N = 1000 and 10000
#   SIZES="1000 10000 100000" make compare
#
# conftest evaluates the gate's own Terraform rules (rules/terraform, rules/lib,
# copied unchanged) through an adapter (scripts/compare/conftest/plan.rego)
# that builds the gate's document from the raw plan JSON in Rego, so both
# tools run the same rules on the same plan; the script checks that both
# report the same findings before it times anything. trivy runs its own
# embedded checks (not the gate's rules): its row is for scale only.
#
# Environment:
#   SIZES          resource counts (default "1000 10000")
#   WORK           work directory: tools, inputs, logs (default /tmp/gate-compare)
#   OUT            Markdown table (default /tmp/gate-compare.md)
#   RUNS           timed runs per command (default 5)
#   TRIVY          0 to skip trivy (default 1)
#   TRIVY_TIMEOUT  seconds allowed for building trivy (default 900)
#   GO             go command (default go)
set -euo pipefail

CONFTEST_VERSION=v0.71.1
TRIVY_VERSION=v0.68.2

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-/tmp/gate-compare}
OUT=${OUT:-/tmp/gate-compare.md}
SIZES=${SIZES:-"1000 10000"}
RUNS=${RUNS:-5}
TRIVY=${TRIVY:-1}
TRIVY_TIMEOUT=${TRIVY_TIMEOUT:-900}
GO=${GO:-go}

mkdir -p "$WORK/bin" "$WORK/in" "$WORK/logs"
WORK=$(cd "$WORK" && pwd)
export PATH="$WORK/bin:$PATH"

log() { printf 'compare: %s\n' "$*" >&2; }

# installed_version BIN MODULE: the module version BIN was built from, or "".
installed_version() {
	[ -x "$1" ] || return 0
	"$GO" version -m "$1" 2>/dev/null | awk -v m="$2" '$1 == "mod" && $2 == m { print $3 }'
}

# ---------------------------------------------------------------------------
# Tools

log "building the gate"
(cd "$ROOT" && "$GO" build -o "$WORK/gate" ./cmd/gate)
GATE_COMMIT=$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(cd "$ROOT" && git status --porcelain --untracked-files=no 2>/dev/null)" ]; then
	GATE_COMMIT="$GATE_COMMIT (uncommitted changes)"
fi

if [ "$(installed_version "$WORK/bin/conftest" github.com/open-policy-agent/conftest)" != "$CONFTEST_VERSION" ]; then
	log "installing conftest $CONFTEST_VERSION (go install; several minutes on 2 cores)"
	GOBIN="$WORK/bin" "$GO" install "github.com/open-policy-agent/conftest@$CONFTEST_VERSION"
fi
CONFTEST="$WORK/bin/conftest"

TRIVY_BIN=""
TRIVY_NOTE=""
if [ "$TRIVY" = 0 ]; then
	TRIVY_NOTE="trivy: not installed (skipped: TRIVY=0)"
elif [ "$(installed_version "$WORK/bin/trivy" github.com/aquasecurity/trivy)" = "$TRIVY_VERSION" ]; then
	TRIVY_BIN="$WORK/bin/trivy"
else
	log "installing trivy $TRIVY_VERSION (go install, at most ${TRIVY_TIMEOUT}s)"
	rc=0
	GOBIN="$WORK/bin" timeout "$TRIVY_TIMEOUT" "$GO" install "github.com/aquasecurity/trivy/cmd/trivy@$TRIVY_VERSION" \
		>"$WORK/logs/trivy-install.log" 2>&1 || rc=$?
	if [ "$rc" = 0 ]; then
		TRIVY_BIN="$WORK/bin/trivy"
	elif [ "$rc" = 124 ]; then
		TRIVY_NOTE="trivy: not installed (go install did not finish in ${TRIVY_TIMEOUT}s; raise TRIVY_TIMEOUT)"
	else
		if grep -q 'loading deprecation.*403' "$WORK/logs/trivy-install.log"; then
			reason="the module proxy answers 403 for trivy's version list, which go install reads to check for deprecation"
		else
			reason=$(grep '^go: ' "$WORK/logs/trivy-install.log" | tail -n 1 | sed -E 's#[a-z]+://[^ ]*#<url>#g' | cut -c1-240)
		fi
		TRIVY_NOTE="trivy: not installed (go install failed: ${reason:-exit $rc, see $WORK/logs/trivy-install.log})"
	fi
fi
[ -z "$TRIVY_NOTE" ] || log "$TRIVY_NOTE"

HYPERFINE=""
if command -v hyperfine >/dev/null 2>&1; then
	HYPERFINE=$(command -v hyperfine)
elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	log "installing hyperfine (apt-get)"
	if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >"$WORK/logs/apt.log" 2>&1; then
		apt-get update -qq >>"$WORK/logs/apt.log" 2>&1 || true
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >>"$WORK/logs/apt.log" 2>&1 || true
	fi
	HYPERFINE=$(command -v hyperfine || true)
fi
[ -n "$HYPERFINE" ] || log "hyperfine not available: median of $RUNS runs timed in bash"

if ! command -v jq >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	log "installing jq (apt-get)"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jq >>"$WORK/logs/apt.log" 2>&1 ||
		{ apt-get update -qq >>"$WORK/logs/apt.log" 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jq >>"$WORK/logs/apt.log" 2>&1; } || true
fi
command -v jq >/dev/null 2>&1 || { log "jq is needed to compare findings (apt-get install jq)"; exit 1; }

TIMEV=""
if [ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1; then
	TIMEV=/usr/bin/time
elif command time -v true >/dev/null 2>&1; then
	TIMEV="command time"
fi

# ---------------------------------------------------------------------------
# conftest policy: the gate's Terraform rules and libraries, unchanged, the
# plan adapter, and a generated main package that evaluates every rule
# against the adapted document, as the gate's prepared query does.

POLICY="$WORK/conftest-policy"
rm -rf "$POLICY"
mkdir -p "$POLICY"
(
	cd "$ROOT/rules"
	find lib terraform -name '*.rego' ! -name '*_test.rego' | sort | while read -r f; do
		mkdir -p "$POLICY/$(dirname "$f")"
		cp "$f" "$POLICY/$f"
	done
)
cp "$ROOT/scripts/compare/conftest/plan.rego" "$POLICY/plan.rego"
if ! "$CONFTEST" verify --no-color -p "$ROOT/scripts/compare/conftest" >"$WORK/logs/adapter-verify.log" 2>&1; then
	log "the plan adapter's tests fail:"
	cat "$WORK/logs/adapter-verify.log" >&2
	exit 1
fi

TF_RULES=0
{
	cat <<'EOF'
# Generated by scripts/compare.sh: every Terraform rule of the gate's pack,
# evaluated against the gate's document built from the raw plan.
package main

import rego.v1

import data.gate.compare.plan

results := r if {
	doc := plan.document
	r := [
EOF
	find "$POLICY/terraform" -name '*.rego' | sort | while read -r f; do
		pkg=$(awk '$1 == "package" { print $2; exit }' "$f")
		id=$(awk '$1 == "#" && $2 == "id:" { print $3; exit }' "$f")
		[ -n "$pkg" ] && [ -n "$id" ] || { log "no package or id in $f"; exit 1; }
		printf '\t\t{"id": "%s", "deny": [x | some x in data.%s.deny]},\n' "$id" "$pkg"
	done
	cat <<'EOF'
	] with input as doc
}

# One message per finding: rule id, resource, attribute, message.
deny contains msg if {
	some e in results
	some x in e.deny
	msg := sprintf("%s|%s|%s|%s", [e.id, x.resource, object.get(x, "attribute", ""), x.msg])
}
EOF
} >"$POLICY/main.rego"
TF_RULES=$(grep -c '"deny": \[x' "$POLICY/main.rego")
PACK_RULES=$(cd "$ROOT/rules" && grep -rl --include='*.rego' '^package gate\.rules\.' . | grep -vc '_test\.rego$')
log "conftest policy: $TF_RULES Terraform rules (the gate's pack: $PACK_RULES rules)"

# ---------------------------------------------------------------------------
# Measuring

# median_of: the median of the numbers on stdin.
median_of() {
	sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "nan"; exit } if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# wall_median NAME CMD...: median wall time in seconds (exit codes 0 and 1
# both count as a run: both tools exit 1 when they find something).
wall_median() {
	local name=$1
	shift
	if [ -n "$HYPERFINE" ]; then
		"$HYPERFINE" --shell=none --warmup 1 --runs "$RUNS" --ignore-failure --style none \
			--export-json "$WORK/logs/$name.hyperfine.json" -- "$(printf '%q ' "$@")" >/dev/null 2>&1
		tr -d ' \n' <"$WORK/logs/$name.hyperfine.json" | grep -o '"median":[0-9.eE+-]*' | head -n 1 | cut -d: -f2
	else
		"$@" >/dev/null 2>&1 || true
		local i s e
		for i in $(seq "$RUNS"); do
			s=$(date +%s%N)
			"$@" >/dev/null 2>&1 || true
			e=$(date +%s%N)
			echo "$(((e - s) / 1000))"
		done | median_of | awk '{ printf "%.6f\n", $1 / 1e6 }'
	fi
}

# peak_rss CMD...: maximum resident set size in MiB, or n/a.
peak_rss() {
	if [ -z "$TIMEV" ]; then
		echo n/a
		return
	fi
	$TIMEV -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident set size/ { printf "%.0f MiB\n", $2 / 1024; found = 1 } END { if (!found) print "n/a" }'
}

# run_ok NAME CMD...: run once, keep stdout in logs/NAME.out; fail unless
# the exit code is 0 or 1.
run_ok() {
	local name=$1 rc=0
	shift
	"$@" >"$WORK/logs/$name.out" 2>"$WORK/logs/$name.err" || rc=$?
	if [ "$rc" -gt 1 ]; then
		log "$name exited $rc:"
		tail -n 5 "$WORK/logs/$name.err" >&2
		return 1
	fi
}

fmt_s() { awk -v s="$1" 'BEGIN { if (s == "" || s == "nan") print "n/a"; else if (s < 1) printf "%.0f ms\n", s * 1000; else printf "%.2f s\n", s }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "n/a"; else printf "%.1f×\n", a / b }'; }
human_size() { awk -v b="$1" 'BEGIN { if (b >= 1048576) printf "%.1f MiB\n", b / 1048576; else printf "%.0f KiB\n", b / 1024 }'; }

ROWS=()
row() { ROWS+=("| $1 | $2 | $3 | $4 | $5 | $6 | $7 | $8 |"); }

for n in $SIZES; do
	plan="$WORK/in/plan-$n.json"
	dir="$WORK/in/tf-$n"
	if [ ! -s "$plan" ] || [ ! -d "$dir" ]; then
		log "generating $n resources"
		rm -rf "$dir"
		(cd "$ROOT" && "$GO" run ./fixtures/gen -n "$n" -seed 1 -plan "$plan" -dir "$dir")
	fi
	size=$(wc -c <"$plan")

	# Same findings from both tools, or the comparison is meaningless.
	run_ok "gate-plan-$n" "$WORK/gate" check --root "$WORK/in" -f json -o "$WORK/logs/gate-plan-$n.json" "$plan"
	run_ok "conftest-plan-$n" "$CONFTEST" test --no-color -o json -p "$POLICY" "$plan"
	jq -r '.findings[] | select(.verdict == "fail") | [.rule_id, .subject, (.attribute // "")] | join("|")' \
		"$WORK/logs/gate-plan-$n.json" | sort -u >"$WORK/logs/gate-plan-$n.findings"
	jq -r '.[].failures[]?.msg | split("|")[0:3] | join("|")' "$WORK/logs/conftest-plan-$n.out" |
		sort -u >"$WORK/logs/conftest-plan-$n.findings"
	gate_findings=$(wc -l <"$WORK/logs/gate-plan-$n.findings")
	conftest_findings=$(wc -l <"$WORK/logs/conftest-plan-$n.findings")
	if ! diff -u "$WORK/logs/gate-plan-$n.findings" "$WORK/logs/conftest-plan-$n.findings" >"$WORK/logs/findings-$n.diff"; then
		log "N=$n: the gate and conftest disagree ($gate_findings vs $conftest_findings findings); see $WORK/logs/findings-$n.diff"
		exit 1
	fi
	log "N=$n: gate and conftest agree on $gate_findings findings"

	log "N=$n: timing the gate on the plan"
	g=$(wall_median "gate-plan-$n" "$WORK/gate" check --root "$WORK/in" "$plan")
	row gate "plan ($(human_size "$size"))" "$n" "$TF_RULES" "$(fmt_s "$g")" "1.0×" "$(peak_rss "$WORK/gate" check --root "$WORK/in" "$plan")" "$gate_findings"

	log "N=$n: timing conftest on the plan"
	c=$(wall_median "conftest-plan-$n" "$CONFTEST" test --no-color -p "$POLICY" "$plan")
	row "conftest $CONFTEST_VERSION" plan "$n" "$TF_RULES" "$(fmt_s "$c")" "$(ratio "$c" "$g")" "$(peak_rss "$CONFTEST" test --no-color -p "$POLICY" "$plan")" "$conftest_findings"

	gd=""
	if run_ok "gate-dir-$n" "$WORK/gate" check --root "$dir" -f json -o "$WORK/logs/gate-dir-$n.json" "$dir"; then
		log "N=$n: timing the gate on the Terraform directory"
		gd=$(wall_median "gate-dir-$n" "$WORK/gate" check --root "$dir" "$dir")
		gdf=$(jq '[.findings[] | select(.verdict == "fail")] | length' "$WORK/logs/gate-dir-$n.json")
		row gate "directory (.tf)" "$n" "$TF_RULES" "$(fmt_s "$gd")" "1.0×" "$(peak_rss "$WORK/gate" check --root "$dir" "$dir")" "$gdf"
	else
		row gate "directory (.tf)" "$n" "$TF_RULES" "error (see logs/gate-dir-$n.err)" "" "" ""
	fi

	if [ -n "$TRIVY_BIN" ]; then
		tv=(--cache-dir "$WORK/trivy-cache" --skip-check-update --quiet)
		for what in plan dir; do
			target=$plan
			base=$g
			[ "$what" = dir ] && target=$dir && base=$gd
			if run_ok "trivy-$what-$n" "$TRIVY_BIN" config "${tv[@]}" -f json "$target"; then
				log "N=$n: timing trivy on the $what"
				t=$(wall_median "trivy-$what-$n" "$TRIVY_BIN" config "${tv[@]}" "$target")
				tf=$(jq '[.Results[]?.Misconfigurations[]? | select(.Status == "FAIL")] | length' "$WORK/logs/trivy-$what-$n.out")
				trules=$(jq '[.Results[]? | (.MisconfSummary.Successes // 0) + (.MisconfSummary.Failures // 0)] | add // 0' "$WORK/logs/trivy-$what-$n.out")
				row "trivy $TRIVY_VERSION" "$what" "$n" "own checks ($trules results)" "$(fmt_s "$t")" "$(ratio "$t" "$base")" \
					"$(peak_rss "$TRIVY_BIN" config "${tv[@]}" "$target")" "$tf"
			else
				row "trivy $TRIVY_VERSION" "$what" "$n" "own checks" "error (see logs/trivy-$what-$n.err)" "" "" ""
			fi
		done
	fi
done

# ---------------------------------------------------------------------------
# Report

cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
{
	echo "| tool | input | N | rules | wall (median of $RUNS) | ratio vs gate | peak RSS | findings |"
	echo "|---|---|---:|---:|---:|---:|---:|---:|"
	printf '%s\n' "${ROWS[@]}"
	echo
	echo "Machine: $(nproc) cores, ${cpu:-unknown CPU}, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM; $("$GO" version | awk '{ print $3 }'); gate $GATE_COMMIT."
	echo "Timing: $([ -n "$HYPERFINE" ] && "$HYPERFINE" --version || echo "bash loop"), $RUNS runs after a warm-up; peak RSS from one run with $([ -n "$TIMEV" ] && echo "GNU time -v" || echo "(not measured: no GNU time)")."
	echo "Rules: the gate evaluates the $TF_RULES Terraform rules of its $PACK_RULES-rule pack on a Terraform document; conftest $CONFTEST_VERSION evaluates the same $TF_RULES rules, unchanged, through scripts/compare/conftest/plan.rego (the plan adapter), once per file, and both report the same findings."
	if [ -n "$TRIVY_BIN" ]; then
		echo "trivy $TRIVY_VERSION runs its own embedded checks (different rules), so its row shows scale, not an equal comparison."
	else
		echo "$TRIVY_NOTE."
	fi
} >"$OUT"
cat "$OUT"
