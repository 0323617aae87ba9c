package calc

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// minParallelTerms is the size below which splitting work is not worth a
// goroutine.
const minParallelTerms = 1 << 15

// parallelByGap calls fn on consecutive parts of terms (grouped by gap),
// cut only between gaps, one part per core, and waits for all of them.
// fn must only touch per-gap state of the gaps in its part.
func parallelByGap(terms []Term, fn func(part []Term)) {
	parts := runtime.GOMAXPROCS(0)
	if parts < 2 || len(terms) < minParallelTerms {
		fn(terms)
		return
	}
	var wg sync.WaitGroup
	lo := 0
	for k := 1; k <= parts && lo < len(terms); k++ {
		hi := len(terms) * k / parts
		if hi < lo {
			hi = lo
		}
		for hi < len(terms) && hi > 0 && terms[hi].Gap == terms[hi-1].Gap {
			hi++
		}
		if k == parts {
			hi = len(terms)
		}
		wg.Add(1)
		go func(part []Term) {
			defer wg.Done()
			fn(part)
		}(terms[lo:hi])
		lo = hi
	}
	wg.Wait()
}

// partsFor is how many parts to cut n items into: one per core, or one
// when n is too small to be worth a goroutine.
func partsFor(n int) int {
	if n < minParallelTerms {
		return 1
	}
	return max(1, runtime.GOMAXPROCS(0))
}

// parallelChunks calls a worker for every i in [0, n), handing out chunks of
// chunk indices from a shared counter to workers goroutines (the caller's
// alone when workers < 2). newWorker runs once per goroutine, so each
// worker owns its scratch. Callers write results only to slots of their
// own i, so the outcome does not depend on scheduling.
func parallelChunks(n, chunk, workers int, newWorker func() func(i int)) {
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
