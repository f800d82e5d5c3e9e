package report

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// chromiumNames are the executables Debian and Ubuntu install headless
// Chromium as.
var chromiumNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

func lookChromium() string {
	for _, n := range chromiumNames {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	return ""
}

// chromium finds a headless-capable Chromium. When there is none it installs
// Debian's `chromium` package (only as root, only where apt-get exists),
// logging what it did; it skips the test, saying why, only when Chromium
// cannot be had.
func chromium(t *testing.T) string {
	t.Helper()
	if p := lookChromium(); p != "" {
		t.Logf("chromium: using %s", p)
		return p
	}
	apt, err := exec.LookPath("apt-get")
	if err != nil {
		t.Skipf("chromium not found (looked for %s) and apt-get is not available to install it: skipping the headless-browser test", strings.Join(chromiumNames, ", "))
	}
	if os.Geteuid() != 0 {
		t.Skipf("chromium not found (looked for %s) and the test is not running as root, so it cannot `apt-get install chromium`: skipping the headless-browser test", strings.Join(chromiumNames, ", "))
	}
	ctx := t.Context()
	install := func() ([]byte, error) {
		return aptGet(ctx, apt, "install", "-y", "--no-install-recommends", "chromium")
	}
	t.Logf("chromium: not found; running apt-get install -y chromium")
	out, err := install()
	if err != nil {
		t.Logf("chromium: apt-get install failed (%v): %s; running apt-get update and retrying", err, tail(out))
		if out, err := aptGet(ctx, apt, "update"); err != nil {
			t.Skipf("chromium not found and `apt-get update` failed (%v): %s — skipping the headless-browser test", err, tail(out))
		}
		if out, err = install(); err != nil {
			t.Skipf("chromium not found and `apt-get install chromium` failed (%v): %s — skipping the headless-browser test", err, tail(out))
		}
	}
	p := lookChromium()
	if p == "" {
		t.Skipf("apt-get install chromium succeeded but no %s is on PATH: skipping the headless-browser test", strings.Join(chromiumNames, ", "))
	}
	t.Logf("chromium: installed %s", p)
	return p
}

func aptGet(ctx context.Context, apt string, args ...string) ([]byte, error) {
	// Wait for another apt/dpkg run (a parallel test package) instead of
	// failing on its lock.
	cmd := exec.CommandContext(ctx, apt, append([]string{"-o", "DPkg::Lock::Timeout=-1", "-q"}, args...)...)
	cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
	return cmd.CombinedOutput()
}

// tail is the last lines of a command's output, for a log line.
func tail(out []byte) string {
	lines := bytes.Split(bytes.TrimSpace(out), []byte("\n"))
	if len(lines) > 5 {
		lines = lines[len(lines)-5:]
	}
	return string(bytes.Join(lines, []byte(" | ")))
}
