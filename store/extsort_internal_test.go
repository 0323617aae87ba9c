package store

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// sortKeys makes n keys of a kind from seed.
func sortKeys(kind string, n int, seed uint64) [][]byte {
	rng := rand.New(rand.NewPCG(seed, 7))
	keys := make([][]byte, n)
	for i := range keys {
		var k []byte
		switch kind {
		case "random":
			k = make([]byte, rng.IntN(20))
			for j := range k {
				k[j] = byte(rng.IntN(256))
			}
		case "ids": // c0, c1, …: what bench/gen_round.py writes
			k = fmt.Appendf(nil, "c%d", rng.IntN(4*n))
		case "long prefix": // 8+ bytes in common, then a little
			k = fmt.Appendf(nil, "contribution-%d", rng.IntN(n))
		case "few prefixes": // a handful of prefixes, each shared by many keys past 8 bytes
			k = fmt.Appendf(nil, "prefix%02d/%d", rng.IntN(5), rng.IntN(50))
		case "equal": // one key: ordered by row alone
			k = []byte("same-key")
		case "empty and short": // empty keys, keys that are a prefix of others, zero bytes
			k = make([]byte, rng.IntN(10))
			for j := range k {
				k[j] = byte(rng.IntN(3))
			}
		case "mixed":
			return append(append(sortKeys("random", n/3, seed), sortKeys("equal", n/3, seed)...), sortKeys("long prefix", n-2*(n/3), seed)...)
		default:
			panic(kind)
		}
		keys[i] = k
	}
	return keys
}

// sortedBoth sorts a sorter of keys (rows numbered in a shuffled order,
// as automatic ids come back) with one comparison sort and on cores
// goroutines, and returns each order's (key, row) pairs.
func sortedBoth(t *testing.T, keys [][]byte, cores int, seed uint64) (plain, parallel []string) {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 9))
	rows := rng.Perm(len(keys))
	s := newSorter(t.TempDir(), "t", 1<<30)
	for i, k := range keys {
		require.NoError(t, s.add(&sortEntry{key: k, content: []byte{byte(i)}, row: uint64(rows[i]), line: uint64(i)}))
	}
	refs := slices.Clone(s.refs)
	order := func() []string {
		out := make([]string, len(s.refs))
		var e sortEntry
		for i, r := range s.refs {
			_, err := decodeEntry(s.arena[r.off:], &e)
			require.NoError(t, err)
			out[i] = fmt.Sprintf("%x/%d", e.key, e.row)
		}
		return out
	}
	slices.SortFunc(s.refs, s.compare)
	plain = order()
	s.refs = refs
	defer func(old int) { sortParallel = old }(sortParallel)
	sortParallel = 2
	s.sortOn(cores)
	return plain, order()
}

// TestSortParallel: the sort on several cores gives exactly the order of
// one comparison sort — keys by bytes, then rows — on random keys, keys
// sharing 8 or more bytes, equal keys, empty keys, on 1 to 4 cores.
func TestSortParallel(t *testing.T) {
	for _, kind := range []string{"random", "ids", "long prefix", "few prefixes", "equal", "empty and short", "mixed"} {
		for _, n := range []int{0, 1, 2, 3, 100, 5000} {
			for _, cores := range []int{1, 2, 3, 4} {
				t.Run(fmt.Sprintf("%s/%d rows/%d cores", kind, n, cores), func(t *testing.T) {
					plain, parallel := sortedBoth(t, sortKeys(kind, n, uint64(n)), cores, uint64(n))
					require.Equal(t, plain, parallel)
				})
			}
		}
	}
}

// TestSortKeepsThePlainSortForSmallSorts: below sortParallel refs, sort
// is one comparison sort (the refs keep their array).
func TestSortKeepsThePlainSortForSmallSorts(t *testing.T) {
	s := newSorter(t.TempDir(), "t", 1<<30)
	for i := range 100 {
		require.NoError(t, s.add(&sortEntry{key: binary.BigEndian.AppendUint32(nil, uint32(100-i)), row: uint64(i)}))
	}
	before := &s.refs[0]
	s.sortOn(4)
	require.Same(t, before, &s.refs[0])
	require.True(t, slices.IsSortedFunc(s.refs, s.compare))
}

// TestSortKeep: with keep set, the sort leaves the refs as they were
// added untouched (a reader took them: startGroups) and sorts into a new
// array — the small sort, the one-prefix sort and the parallel sort alike.
func TestSortKeep(t *testing.T) {
	for _, tc := range []struct {
		name     string
		kind     string
		n, cores int
	}{
		{"small", "random", 100, 4},
		{"one prefix", "equal", 5000, 4},
		{"parallel", "ids", 5000, 2},
		{"one core", "random", 5000, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			defer func(old int) { sortParallel = old }(sortParallel)
			sortParallel = 1000
			s := newSorter(t.TempDir(), "t", 1<<30)
			for i, k := range sortKeys(tc.kind, tc.n, 3) {
				require.NoError(t, s.add(&sortEntry{key: k, row: uint64(tc.n - i)}))
			}
			s.keep = true
			taken := s.refs
			was := slices.Clone(taken)
			s.sortOn(tc.cores)
			require.Equal(t, was, taken, "the refs taken before the sort")
			require.True(t, slices.IsSortedFunc(s.refs, s.compare))
			require.NotSame(t, &taken[0], &s.refs[0])
		})
	}
}

// FuzzSortParallel: any keys (cut from the input at the bytes it says),
// any core count, the parallel order is the plain one. Run longer with
// go test -fuzz FuzzSortParallel -fuzztime 2000x ./store/.
func FuzzSortParallel(f *testing.F) {
	f.Add([]byte("c1c2c3c10c11c100"), uint8(2), uint8(3))
	f.Add([]byte("contribution-1contribution-2contribution-10"), uint8(4), uint8(14))
	f.Add([]byte("\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01"), uint8(3), uint8(1))
	f.Add([]byte("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), uint8(2), uint8(9))
	f.Add([]byte{}, uint8(2), uint8(1))
	f.Fuzz(func(t *testing.T, data []byte, cores, width uint8) {
		w := int(width%17) + 1
		var keys [][]byte
		for i := 0; i < len(data); i += w {
			keys = append(keys, data[i:min(i+w, len(data))])
			keys = append(keys, data[i/2:min(i/2+w/2, len(data))]) // overlapping, often equal or empty
		}
		plain, parallel := sortedBoth(t, keys, int(cores%4)+1, uint64(len(data)))
		require.Equal(t, plain, parallel)
	})
}

// BenchmarkSort: a million ids of bench/gen_round.py, sorted by one
// comparison sort (cores=1) and on up to 4 cores.
func BenchmarkSort(b *testing.B) {
	for _, order := range []string{"file", "random"} {
		keys := sortKeys("ids", 1<<20, 1)
		if order == "file" {
			for i := range keys {
				keys[i] = fmt.Appendf(nil, "c%d", i)
			}
		}
		b.Run(order, func(b *testing.B) { benchmarkSort(b, keys) })
	}
}

func benchmarkSort(b *testing.B, keys [][]byte) {
	s := newSorter(b.TempDir(), "t", 1<<30)
	for i, k := range keys {
		if err := s.add(&sortEntry{key: k, content: make([]byte, 70), row: uint64(i)}); err != nil {
			b.Fatal(err)
		}
	}
	refs := slices.Clone(s.refs)
	for _, cores := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("%d cores", cores), func(b *testing.B) {
			for b.Loop() {
				s.refs = slices.Clone(refs)
				s.sortOn(cores)
			}
		})
	}
}

// TestSortSpillsOnEveryCore: a sort that spills many runs, each sorted on
// several cores with the arrays of the run before (spare, spareOf),
// reads back every entry in (key, row) order.
func TestSortSpillsOnEveryCore(t *testing.T) {
	defer func(old int) { sortParallel = old }(sortParallel)
	sortParallel = 2
	for _, kind := range []string{"random", "ids", "few prefixes"} {
		t.Run(kind, func(t *testing.T) {
			keys := sortKeys(kind, 3000, 11)
			s := newSorter(t.TempDir(), "t", 4<<10) // a run every ~200 entries
			s.spilled = func() {}
			want := make([]string, len(keys))
			for i, k := range keys {
				require.NoError(t, s.add(&sortEntry{key: k, content: []byte{byte(i)}, row: uint64(i)}))
				want[i] = fmt.Sprintf("%x/%d", k, i)
			}
			require.Greater(t, len(s.runs), 5, "runs spilled")
			slices.SortFunc(want, func(a, b string) int {
				ka, ra, _ := strings.Cut(a, "/")
				kb, rb, _ := strings.Cut(b, "/")
				x, _ := hex.DecodeString(ka)
				y, _ := hex.DecodeString(kb)
				if c := bytes.Compare(x, y); c != 0 {
					return c
				}
				i, _ := strconv.Atoi(ra)
				j, _ := strconv.Atoi(rb)
				return cmp.Compare(i, j)
			})
			var got []string
			require.NoError(t, s.each(func(e *sortEntry) error {
				got = append(got, fmt.Sprintf("%x/%d", e.key, e.row))
				return nil
			}))
			require.Equal(t, want, got)
		})
	}
}
