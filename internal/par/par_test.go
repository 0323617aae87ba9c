package par

import (
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestDoCallsEveryPartOnce(t *testing.T) {
	for _, parts := range []int{0, 1, 2, 7} { // 0: a job with nothing to do calls nothing
		seen := make([]atomic.Int32, parts)
		Do(parts, func(k int) { seen[k].Add(1) })
		for k := range seen {
			require.Equal(t, int32(1), seen[k].Load(), "parts %d, part %d", parts, k)
		}
	}
}

func TestSpanCoversEveryItemOnce(t *testing.T) {
	for _, n := range []int{0, 1, 7, 100} {
		for _, parts := range []int{1, 2, 3, 8} {
			next := 0
			for k := range parts {
				lo, hi := Span(n, parts, k)
				require.Equal(t, next, lo, "n %d parts %d part %d", n, parts, k)
				require.LessOrEqual(t, lo, hi)
				next = hi
			}
			require.Equal(t, n, next)
		}
	}
}

func TestCutKeepsRunsWhole(t *testing.T) {
	runs := []int{0, 0, 0, 1, 1, 2, 2, 2, 2, 2, 2, 3, 4, 4} // item i is in run runs[i]
	joined := func(i int) bool { return runs[i] == runs[i-1] }
	for _, parts := range []int{1, 2, 3, 5, 20} {
		b := Cut(len(runs), parts, joined)
		require.Len(t, b, parts+1)
		require.Equal(t, 0, b[0])
		require.Equal(t, len(runs), b[parts])
		for k := 1; k < parts; k++ {
			require.LessOrEqual(t, b[k-1], b[k])
			if b[k] > 0 && b[k] < len(runs) {
				require.False(t, joined(b[k]), "parts %d: boundary %d splits a run", parts, b[k])
			}
		}
	}
}

func TestChunksCallsEveryIndexOnce(t *testing.T) {
	for _, c := range []struct{ n, chunk, workers int }{{0, 4, 3}, {1, 4, 1}, {10, 3, 1}, {100, 7, 4}, {1000, 64, 2}} {
		t.Run(fmt.Sprintf("n%d/chunk%d/workers%d", c.n, c.chunk, c.workers), func(t *testing.T) {
			seen := make([]atomic.Int32, c.n)
			var workers atomic.Int32
			Chunks(c.n, c.chunk, c.workers, func() func(int) {
				workers.Add(1)
				return func(i int) { seen[i].Add(1) }
			})
			for i := range seen {
				require.Equal(t, int32(1), seen[i].Load(), "index %d", i)
			}
			require.Equal(t, int32(max(1, c.workers)), workers.Load(), "one worker per goroutine")
		})
	}
}
