package evidence_test

import (
	"path/filepath"
	"os"
	"testing"
	"time"
)

func TestZZSize(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "log")
	appendAll(t, dir, runs(t))
	for _, f := range logFiles(t, dir) {
		st, _ := os.Stat(f)
		t.Log(filepath.Base(f), st.Size())
	}
	c := checker(t)
	b, _ := os.ReadFile(logFiles(t, dir)[0])
	s := time.Now()
	for i := 0; i < 20; i++ {
		c.Parse(b)
	}
	t.Log("parse", time.Since(s)/20)
	s = time.Now()
	for i := 0; i < 20; i++ {
		checker(t)
	}
	t.Log("checker", time.Since(s)/20)
}
