package par

import (
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestDoCallsEveryPartOnce(t *testing.T) {
	for _, parts := range []int{1, 2, 7} {
		seen := make([]atomic.Int32, parts)
		Do(parts, func(k int) { seen[k].Add(1) })
		for k := range seen {
			require.Equal(t, int32(1), seen[k].Load(), "parts %d, part %d", parts, k)
		}
	}
}
