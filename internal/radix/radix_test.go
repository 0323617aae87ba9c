package radix

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestSortStableAgainstSortSlice(t *testing.T) {
	for _, tc := range []struct {
		name string
		n    int
		bits int
	}{
		{"empty", 0, 8}, {"one", 1, 8}, {"small", 50, 4}, {"few keys", 5000, 3},
		{"short, 8-bit digits", 3000, 18}, {"short, 64 bits", 1000, 64}, {"short, one digit", 200, 5},
		{"33 bits", 20000, 33}, {"64 bits", 20000, 64}, {"22 bits", 100000, 22},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(uint64(tc.n), uint64(tc.bits)))
			p := make([]Pair, tc.n)
			for i := range p {
				p[i] = Pair{Key: r.Uint64(), Val: uint64(i)} // bits above tc.bits are carried, not sorted on
			}
			m := ^uint64(0)
			if tc.bits < 64 {
				m = 1<<tc.bits - 1
			}
			want := append([]Pair{}, p...)
			sort.SliceStable(want, func(i, j int) bool { return want[i].Key&m < want[j].Key&m })
			Sort(p, tc.bits, nil)
			require.Equal(t, want, p)
		})
	}
}

func TestBits(t *testing.T) {
	for n, want := range map[int]int{0: 1, 1: 1, 2: 1, 3: 2, 4: 2, 5: 3, 2048: 11, 2049: 12} {
		require.Equal(t, want, Bits(n), "n=%d", n)
	}
}

func BenchmarkSort1M(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 1))
	src := make([]Pair, 1_000_000)
	for i := range src {
		src[i] = Pair{Key: r.Uint64() & (1<<29 - 1), Val: uint64(i)}
	}
	p := make([]Pair, len(src))
	scratch := make([]Pair, len(src))
	b.ResetTimer()
	for range b.N {
		copy(p, src)
		Sort(p, 29, scratch)
	}
}

func TestSortHigh(t *testing.T) {
	for _, n := range []int{0, 1, 2, 100, 5000, 100_000} {
		for _, parts := range []int{1, 3} {
			t.Run(fmt.Sprint(n, "/parts", parts), func(t *testing.T) {
				r := rand.New(rand.NewPCG(uint64(n), 9))
				keys := make([]uint64, n)
				for i := range keys {
					h := r.Uint64() >> 32
					if i%3 == 0 {
						h &= 0xff // many equal hashes
					}
					keys[i] = h<<32 | uint64(i)
				}
				want := append([]uint64{}, keys...)
				sort.Slice(want, func(i, j int) bool { return want[i] < want[j] }) // indices are distinct: (hash, index) order
				SortHigh(keys, nil, parts)
				require.Equal(t, want, keys)
			})
		}
	}
}
