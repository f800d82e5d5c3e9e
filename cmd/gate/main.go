// Command gate is a policy-as-code CI gate: it checks Terraform plans and
// source, GitHub settings and repository configuration against rules mapped
// to SOC 2, ISO/IEC 27001:2022, NIST CSF 2.0 and NIST SP 800-53 Rev. 5, and
// exits non-zero when a finding blocks the merge.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"

	"github.com/gatehq/gate/internal/cli"
)

func main() {
	// GATE_CPUPROFILE=file writes a CPU profile of the run (go tool pprof).
	stopProfile := func() {}
	if p := os.Getenv("GATE_CPUPROFILE"); p != "" {
		f, err := os.Create(p)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "gate: GATE_CPUPROFILE: %v\n", err)
			os.Exit(2)
		}
		stopProfile = func() {
			pprof.StopCPUProfile()
			f.Close()
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, os.Args[1:], cli.Env{
		Stdout: os.Stdout,
		Stderr: os.Stderr,
		Getenv: os.Getenv,
	})
	stop()
	stopProfile()
	os.Exit(code)
}
