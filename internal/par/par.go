// Package par runs loops over the cores: the readers, the engine and the
// rule pack each fan work out the same two ways.
package par

import (
	"runtime"
	"sync"
)

// Ranges calls f(0) … f(n-1) on up to GOMAXPROCS goroutines, each over a
// contiguous range of indexes (cheap, even items: converting resources);
// with fewer than min items it runs on the calling goroutine. A range
// stops at its first error; Ranges returns the error of the lowest index
// that failed.
func Ranges(n, min int, f func(i int) error) error {
	w := runtime.GOMAXPROCS(0)
	if n < min || w < 2 {
		w = 1
	}
	if w > n {
		w = max(n, 1)
	}
	errs := make([]error, w)
	var wg sync.WaitGroup
	for k := 0; k < w; k++ {
		lo, hi := n*k/w, n*(k+1)/w
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := lo; i < hi; i++ {
				if err := f(i); err != nil {
					errs[k] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// Each calls f(0) … f(n-1), each on its own goroutine, at most GOMAXPROCS
// at a time (uneven items: documents, rule shards), and waits for all.
func Each(n int, f func(i int)) {
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i := 0; i < n; i++ {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			f(i)
		}()
	}
	wg.Wait()
}
