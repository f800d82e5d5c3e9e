package engine

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/gatehq/gate/engine/input/hcl"
	"github.com/gatehq/gate/engine/input/tfplan"
	"github.com/gatehq/gate/engine/policy"
	"github.com/gatehq/gate/internal/synth"
	"github.com/gatehq/gate/rules"
)

// benchSizes are the plan sizes benchmarked; GATE_BENCH_MAX limits them
// (the 100,000-resource case takes minutes on 2 cores).
var benchSizes = []int{100, 1000, 10000, 100000}

func sizes(b *testing.B) []int {
	max := 10000
	if v := os.Getenv("GATE_BENCH_MAX"); v != "" {
		fmt.Sscanf(v, "%d", &max)
	}
	var out []int
	for _, n := range benchSizes {
		if n <= max {
			out = append(out, n)
		}
	}
	return out
}

func writePlan(b *testing.B, n int) (string, int64) {
	b.Helper()
	p := filepath.Join(b.TempDir(), fmt.Sprintf("plan-%d.json", n))
	if err := synth.WritePlanFile(p, synth.Options{Resources: n, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	st, _ := os.Stat(p)
	return p, st.Size()
}

// reportPeak samples the heap in use every 10 ms while f runs, as a
// stand-in for peak memory (reported as peak-MB).
func reportPeak(b *testing.B, f func()) {
	b.Helper()
	var ms runtime.MemStats
	runtime.GC()
	stop := make(chan struct{})
	done := make(chan uint64)
	go func() {
		var peak uint64
		var m runtime.MemStats
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&m)
			if m.HeapInuse > peak {
				peak = m.HeapInuse
			}
			select {
			case <-stop:
				done <- peak
				return
			case <-tick.C:
			}
		}
	}()
	f()
	close(stop)
	peak := <-done
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
}

// BenchmarkCompile is the start-up cost of the whole embedded pack:
// reading its index, then parsing and compiling every shard (in parallel).
// A run compiles only the shards its documents need (BenchmarkCheckTiny).
func BenchmarkCompile(b *testing.B) {
	ctx := context.Background()
	mods, err := policy.LoadFS(rules.FS, ".", "rules", true, false)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		p, err := policy.Compile(ctx, mods, policy.Options{Index: rules.Index})
		if err != nil {
			b.Fatal(err)
		}
		if err := p.Prepare(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPlanParse(b *testing.B) {
	for _, n := range sizes(b) {
		b.Run(fmt.Sprintf("resources=%d", n), func(b *testing.B) {
			p, size := writePlan(b, n)
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := tfplan.ReadFile(context.Background(), p, tfplan.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkEvaluate(b *testing.B) {
	ctx := context.Background()
	eng, err := New(ctx, Options{})
	if err != nil {
		b.Fatal(err)
	}
	if err := eng.Pack().Prepare(ctx); err != nil {
		b.Fatal(err)
	}
	for _, n := range sizes(b) {
		b.Run(fmt.Sprintf("resources=%d", n), func(b *testing.B) {
			p, _ := writePlan(b, n)
			doc, ierr := tfplan.ReadFile(ctx, p, tfplan.Options{})
			if ierr != nil {
				b.Fatal(ierr)
			}
			in, err := InputValue(doc)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := eng.Pack().Eval(ctx, "terraform", in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// check is what gate check does: read the inputs while the rules compile
// (Start), then evaluate.
func check(b *testing.B, ctx context.Context, opts Options) *Result {
	b.Helper()
	eng, in, err := Start(ctx, opts)
	if err != nil {
		b.Fatal(err)
	}
	res, err := eng.Evaluate(ctx, in, opts)
	if err != nil {
		b.Fatal(err)
	}
	return res
}

// BenchmarkCheck is the whole `gate check --plan` as the CLI runs it:
// compile and read (concurrently), evaluate, decide.
func BenchmarkCheck(b *testing.B) {
	ctx := context.Background()
	for _, n := range sizes(b) {
		b.Run(fmt.Sprintf("resources=%d", n), func(b *testing.B) {
			p, size := writePlan(b, n)
			opts := Options{Root: filepath.Dir(p), Plans: []string{p}}
			b.ReportAllocs()
			reportPeak(b, func() {
				for b.Loop() {
					res := check(b, ctx, opts)
					if len(res.Findings) == 0 {
						b.Fatal("no findings")
					}
				}
			})
			b.ReportMetric(float64(size)/(1<<20), "plan-MB")
		})
	}
}

// BenchmarkCheckSource is the pre-commit case: `gate check` on a Terraform
// directory of 100 .tf files (no plan), compile included.
func BenchmarkCheckSource(b *testing.B) {
	for _, n := range []int{100, 1000} {
		b.Run(fmt.Sprintf("resources=%d,files=100", n), func(b *testing.B) {
			dir := b.TempDir()
			if err := synth.WriteDir(dir, synth.Options{Resources: n, Seed: 1, Modules: 0, Files: 100}); err != nil {
				b.Fatal(err)
			}
			checkDir(b, dir)
		})
	}
}

// BenchmarkCheckTiny is the pre-commit case at its smallest: a whole
// check of one .tf file with one AWS resource, start-up included (control
// catalogs, the rule pack's index, the AWS shard's parse and compile).
func BenchmarkCheckTiny(b *testing.B) {
	dir := b.TempDir()
	src, err := os.ReadFile("../fixtures/terraform/rules/GATE-AWS-KMS-001/fail.tf")
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), src, 0o644); err != nil {
		b.Fatal(err)
	}
	checkDir(b, dir)
}

// checkDir benchmarks gate check on a Terraform directory: every
// iteration must read it without input errors and find something.
func checkDir(b *testing.B, dir string) {
	b.Helper()
	opts := Options{Root: dir, Paths: []string{dir}}
	b.ReportAllocs()
	for b.Loop() {
		res := check(b, context.Background(), opts)
		if len(res.Documents) == 0 || len(res.Findings) == 0 || len(res.InputErrors) > 0 {
			b.Fatalf("documents %d, findings %d, input errors %v", len(res.Documents), len(res.Findings), res.InputErrors)
		}
	}
}

// BenchmarkHCLParse reads a generated Terraform directory of N resources
// (modules, count/for_each, 100 files): HCL parsing and evaluation of
// variables, locals, references and module calls into one document.
func BenchmarkHCLParse(b *testing.B) {
	ctx := context.Background()
	for _, n := range sizes(b) {
		b.Run(fmt.Sprintf("resources=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			if err := synth.WriteDir(dir, synth.Options{Resources: n, Seed: 1, Files: 100}); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				d, errs := hcl.ReadDir(ctx, dir, hcl.Options{})
				if len(errs) > 0 || d == nil {
					b.Fatalf("read %s: %v", dir, errs)
				}
			}
		})
	}
}

// BenchmarkRunOnly is a run with the rules already compiled: read, evaluate, decide.
func BenchmarkRunOnly(b *testing.B) {
	ctx := context.Background()
	for _, n := range sizes(b) {
		b.Run(fmt.Sprintf("resources=%d", n), func(b *testing.B) {
			p, _ := writePlan(b, n)
			opts := Options{Root: filepath.Dir(p), Plans: []string{p}}
			eng, err := New(ctx, opts)
			if err != nil {
				b.Fatal(err)
			}
			if err := eng.Pack().Prepare(ctx); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := eng.Run(ctx, opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
