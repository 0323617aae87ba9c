package par

import (
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
