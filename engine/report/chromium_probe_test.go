package report

import "testing"

func TestChromiumProbe(t *testing.T) { t.Log(chromium(t)) }
