package store

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// The free-space check trusts a figure for freeRecheck only while it is at
// least twice MinFree; near the threshold every write checks.
func TestFreeSpaceRecheck(t *testing.T) {
	const minFree = 64 << 20
	clock := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name  string
		free  uint64
		steps []time.Duration // clock moves before each write
		calls int             // statfs calls for the writes
	}{
		{"far above: one statfs per window", 10 * minFree, []time.Duration{0, time.Millisecond, 5 * time.Millisecond, 13 * time.Millisecond}, 1},
		{"far above: a new window checks again", 10 * minFree, []time.Duration{0, freeRecheck, time.Millisecond}, 2},
		{"a clock stepping back checks again", 10 * minFree, []time.Duration{0, -time.Second}, 2},
		{"under twice the minimum: every write checks", 2*minFree - 1, []time.Duration{0, 0, time.Millisecond, time.Millisecond}, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			now := clock
			calls := 0
			h := &health{dir: "db", opt: Options{MinFree: minFree}, now: func() time.Time { return now },
				free: func(string) (uint64, error) { calls++; return tc.free, nil }}
			for _, d := range tc.steps {
				now = now.Add(d)
				require.NoError(t, h.writable())
			}
			require.Equal(t, tc.calls, calls)
		})
	}
	t.Run("dropping under the minimum is seen at the next check", func(t *testing.T) {
		now, free := clock, uint64(3*minFree)
		h := &health{dir: "db", opt: Options{MinFree: minFree}, now: func() time.Time { return now },
			free: func(string) (uint64, error) { return free, nil }}
		require.NoError(t, h.writable())
		free = minFree - 1
		require.NoError(t, h.writable(), "within the window: the trusted figure")
		now = now.Add(freeRecheck)
		require.ErrorIs(t, h.writable(), ErrLowSpace)
		require.ErrorIs(t, h.writable(), ErrLowSpace, "and every write after it checks")
		free = 3 * minFree
		require.NoError(t, h.writable())
	})
	t.Run("a failed statfs is not remembered", func(t *testing.T) {
		calls := 0
		h := &health{dir: "db", opt: Options{MinFree: minFree}, now: func() time.Time { return clock },
			free: func(string) (uint64, error) {
				calls++
				if calls == 1 {
					return 0, errors.New("statfs: input/output error")
				}
				return 10 * minFree, nil
			}}
		require.EqualError(t, h.writable(), "checking free space of db: statfs: input/output error")
		require.NoError(t, h.writable())
		require.Equal(t, 2, calls)
	})
}
