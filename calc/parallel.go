package calc

import (
	"runtime"
	"sync"
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
