package hugemem

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestMakeIsAnOrdinarySlice(t *testing.T) {
	for _, tc := range []struct {
		name   string
		n, cap int
	}{{"small", 3, 10}, {"large", 1 << 20, 3 << 20}, {"empty", 0, 0}} {
		t.Run(tc.name, func(t *testing.T) {
			s := Make[uint64](tc.n, tc.cap)
			require.Len(t, s, tc.n)
			require.Equal(t, tc.cap, cap(s))
			for i := range s {
				require.Zero(t, s[i])
				s[i] = uint64(i)
			}
			s = append(s, 7)
			require.Equal(t, uint64(7), s[tc.n])
		})
	}
}
