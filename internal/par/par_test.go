package par

import (
	"fmt"
	"runtime"
	"sync/atomic"
	"testing"
	"time"
)

func TestRanges(t *testing.T) {
	tests := []struct {
		n, min  int
		failAt  []int // indexes whose call fails
		wantErr string
	}{
		{n: 0, min: 1},
		{n: 1, min: 1},
		{n: 63, min: 64},
		{n: 64, min: 64},
		{n: 1000, min: 64},
		{n: 1000, min: 64, failAt: []int{999, 10, 700}, wantErr: "item 10"},
		{n: 5, min: 64, failAt: []int{4, 3}, wantErr: "item 3"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("n=%d,min=%d,fail=%v", tt.n, tt.min, tt.failAt), func(t *testing.T) {
			calls := make([]atomic.Int32, tt.n)
			fail := map[int]bool{}
			for _, i := range tt.failAt {
				fail[i] = true
			}
			err := Ranges(tt.n, tt.min, func(i int) error {
				calls[i].Add(1)
				if fail[i] {
					return fmt.Errorf("item %d", i)
				}
				return nil
			})
			if tt.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				for i := range calls {
					if c := calls[i].Load(); c != 1 {
						t.Fatalf("f(%d) called %d times", i, c)
					}
				}
				return
			}
			if err == nil || err.Error() != tt.wantErr {
				t.Fatalf("err = %v, want %q (the lowest failing index)", err, tt.wantErr)
			}
		})
	}
}

func TestEach(t *testing.T) {
	for _, n := range []int{0, 1, 7, 100} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			var running, peak atomic.Int32
			calls := make([]atomic.Int32, n)
			Each(n, func(i int) {
				r := running.Add(1)
				for {
					p := peak.Load()
					if r <= p || peak.CompareAndSwap(p, r) {
						break
					}
				}
				time.Sleep(time.Millisecond)
				calls[i].Add(1)
				running.Add(-1)
			})
			for i := range calls {
				if c := calls[i].Load(); c != 1 {
					t.Fatalf("f(%d) called %d times", i, c)
				}
			}
			if p := int(peak.Load()); p > runtime.GOMAXPROCS(0) {
				t.Errorf("%d calls ran at once, more than GOMAXPROCS %d", p, runtime.GOMAXPROCS(0))
			}
			if n >= 7 && runtime.GOMAXPROCS(0) > 1 && peak.Load() < 2 {
				t.Errorf("calls never overlapped")
			}
		})
	}
}
