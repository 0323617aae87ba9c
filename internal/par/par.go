// Package par runs the parts of a job on their own goroutines: the one
// fork-join the big-round code paths (radix passes, grouping, sums) share.
package par

import (
	"sync"
	"sync/atomic"
)

// Do calls fn(k) for every k in [0, parts), each on its own goroutine (on
// the caller's when parts is 1), and waits for all of them. fn must only
// write state that belongs to its k.
func Do(parts int, fn func(k int)) {
	if parts == 1 {
		fn(0)
		return
	}
	var wg sync.WaitGroup
	for k := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(k)
		}()
	}
	wg.Wait()
}

// Span returns part k of [0, n) cut into parts of equal size (to within
// one): [lo, hi).
func Span(n, parts, k int) (lo, hi int) { return n * k / parts, n * (k + 1) / parts }

// Cut cuts [0, n) into parts of about equal size whose boundaries never
// fall inside a run: joined(i) reports that items i-1 and i belong
// together. Part k is [bounds[k], bounds[k+1]); a part may be empty.
func Cut(n, parts int, joined func(i int) bool) []int {
	bounds := make([]int, parts+1)
	for k := 1; k < parts; k++ {
		b := max(n*k/parts, bounds[k-1])
		for b > 0 && b < n && joined(b) {
			b++
		}
		bounds[k] = b
	}
	bounds[parts] = n
	return bounds
}

// Chunks calls a worker for every i in [0, n), handing out chunks of
// chunk indices from a shared counter to workers goroutines (the caller's
// alone when workers < 2). newWorker runs once per goroutine, so each
// worker owns its scratch. Callers write results only to slots of their
// own i, so the outcome does not depend on scheduling.
func Chunks(n, chunk, workers int, newWorker func() func(i int)) {
	if workers < 2 {
		fn := newWorker()
		for i := range n {
			fn(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		fn := newWorker()
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				lo := int(next.Add(int64(chunk))) - chunk
				if lo >= n {
					return
				}
				for i := lo; i < min(lo+chunk, n); i++ {
					fn(i)
				}
			}
		}()
	}
	wg.Wait()
}
