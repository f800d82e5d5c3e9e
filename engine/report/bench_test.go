package report

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/gatehq/gate/engine"
	"github.com/gatehq/gate/internal/synth"
)

// BenchmarkSARIF writes the SARIF of a check of a generated plan with N
// resources (20 % misconfigured: about 0.85 findings per resource).
// GATE_BENCH_MAX limits the sizes as in engine's benchmarks.
func BenchmarkSARIF(b *testing.B) {
	max := 10000
	if v := os.Getenv("GATE_BENCH_MAX"); v != "" {
		fmt.Sscanf(v, "%d", &max)
	}
	ctx := context.Background()
	eng, err := engine.New(ctx, engine.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{100, 1000, 10000, 100000} {
		if n > max {
			continue
		}
		b.Run(fmt.Sprintf("resources=%d", n), func(b *testing.B) {
			p := filepath.Join(b.TempDir(), "plan.json")
			if err := synth.WritePlanFile(p, synth.Options{Resources: n, Seed: 1}); err != nil {
				b.Fatal(err)
			}
			opts := engine.Options{Root: filepath.Dir(p), Plans: []string{p}}
			res, err := eng.Run(ctx, opts)
			if err != nil {
				b.Fatal(err)
			}
			if len(res.Findings) == 0 {
				b.Fatal("no findings to write")
			}
			b.ReportMetric(float64(len(res.Findings)), "findings")
			b.ReportAllocs()
			for b.Loop() {
				if err := SARIF(io.Discard, res, Meta{Version: "bench"}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
