package calc

import (
	"runtime"

	"github.com/qf-dev/qf/internal/par"
)

// minParallelTerms is the size below which splitting work is not worth a
// goroutine.
const minParallelTerms = 1 << 15

// parallelByGap calls fn on consecutive parts of terms (grouped by gap),
// cut only between gaps, one part per core, and waits for all of them.
// fn must only touch per-gap state of the gaps in its part.
func parallelByGap(terms []Term, fn func(part []Term)) {
	parts := partsFor(len(terms))
	bounds := par.Cut(len(terms), parts, func(i int) bool { return terms[i].Gap == terms[i-1].Gap })
	par.Do(parts, func(k int) { fn(terms[bounds[k]:bounds[k+1]]) })
}

// partsFor is how many parts to cut n items into: one per core, or one
// when n is too small to be worth a goroutine.
func partsFor(n int) int {
	if n < minParallelTerms {
		return 1
	}
	return max(1, runtime.GOMAXPROCS(0))
}
