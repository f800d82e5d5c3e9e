package cli

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

const openSSH = `resource "aws_security_group" "bastion" {
  name = "bastion"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`

// preCommit finds pre-commit, installing the Debian package when the test
// runs as root with apt-get available (as CI does).
func preCommit(t *testing.T) string {
	t.Helper()
	if p, err := exec.LookPath("pre-commit"); err == nil {
		return p
	}
	if os.Geteuid() != 0 {
		t.Log("pre-commit is not installed and the test is not root: cannot install it")
		return ""
	}
	if _, err := exec.LookPath("apt-get"); err != nil {
		t.Log("pre-commit is not installed and apt-get is missing")
		return ""
	}
	cmd := exec.Command("apt-get", "install", "-y", "--no-install-recommends", "pre-commit")
	cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Logf("apt-get install pre-commit failed: %v\n%s", err, lastLines(string(out), 5))
		return ""
	}
	p, err := exec.LookPath("pre-commit")
	if err != nil {
		return ""
	}
	return p
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

func gitRun(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// TestPreCommitHook runs the hook on a test repository with a staged .tf
// file that opens SSH to the internet: through `pre-commit try-repo` when
// pre-commit is available, otherwise through the hook's own entry command.
// Either way the commit is refused (non-zero) and the finding is named.
func TestPreCommitHook(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(repoRoot, ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var hooks []struct {
		ID            string `yaml:"id"`
		Entry         string `yaml:"entry"`
		Language      string `yaml:"language"`
		Files         string `yaml:"files"`
		PassFilenames bool   `yaml:"pass_filenames"`
	}
	if err := yaml.Unmarshal(b, &hooks); err != nil || len(hooks) != 1 || hooks[0].ID != "gate" || hooks[0].Language != "golang" {
		t.Fatalf("hooks = %+v, %v", hooks, err)
	}
	entry := strings.Fields(hooks[0].Entry)
	if entry[0] != "gate" {
		t.Fatalf("entry %q does not run gate", hooks[0].Entry)
	}

	repo := t.TempDir()
	gitRun(t, repo, "init", "-q")
	write(t, repo, "infra/main.tf", openSSH)
	write(t, repo, "README.md", "test\n")
	gitRun(t, repo, "add", ".")

	if pc := preCommit(t); pc != "" {
		abs, _ := filepath.Abs(repoRoot)
		cmd := exec.Command(pc, "try-repo", abs, "gate", "--files", "infra/main.tf", "README.md", "--verbose")
		cmd.Dir = repo
		cmd.Env = append(os.Environ(), "PRE_COMMIT_HOME="+filepath.Join(t.TempDir(), "cache"), "GOFLAGS=-buildvcs=false")
		// Reuse the module and build caches: pre-commit gives the hook its
		// own GOPATH, which would download and compile everything again.
		if out, err := exec.Command("go", "env", "GOMODCACHE", "GOCACHE").Output(); err == nil {
			if v := strings.Fields(string(out)); len(v) == 2 {
				cmd.Env = append(cmd.Env, "GOMODCACHE="+v[0], "GOCACHE="+v[1])
			}
		}
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		if err == nil {
			t.Fatalf("pre-commit passed a file with SSH open to the internet:\n%s", out.String())
		}
		if !strings.Contains(out.String(), "GATE-AWS-EC2-001") {
			t.Fatalf("pre-commit output lacks the finding:\n%s", lastLines(out.String(), 40))
		}
		return
	}
	t.Log("pre-commit unavailable: running the hook's entry command directly")
	var out bytes.Buffer
	args := append(entry[1:], "infra/main.tf") // README.md does not match the hook's files pattern
	code := Run(context.Background(), args, Env{Stdout: &out, Stderr: &out, Dir: repo})
	if code != 1 || !strings.Contains(out.String(), "GATE-AWS-EC2-001") {
		t.Fatalf("exit %d\n%s", code, out.String())
	}
}
