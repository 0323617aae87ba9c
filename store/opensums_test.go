package store_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/record"
	"github.com/qf-dev/qf/round"
	"github.com/qf-dev/qf/store"
)

// projections computes open round n both ways, from its statistics sums
// (round.Projected) and from its rows (round.FromStore), and returns both
// reports as JSON, and whether the sums were usable.
func projections(t *testing.T, s *store.Store, n uint64) (fromSums, fromRows string, usable bool) {
	t.Helper()
	r, err := s.Round(n)
	require.NoError(t, err)
	gaps, err := s.Gaps()
	require.NoError(t, err)
	_, err = s.OpenSums(r, gaps)
	usable = err == nil
	if err != nil {
		require.ErrorIs(t, err, store.ErrNoSums)
	}
	a, err := round.Projected(s, r, r.Config, nil)
	require.NoError(t, err)
	b, err := round.FromStore(s, r, r.Config, nil)
	require.NoError(t, err)
	ja, err := json.Marshal(a.Report)
	require.NoError(t, err)
	jb, err := json.Marshal(b.Report)
	require.NoError(t, err)
	return string(ja), string(jb), usable
}

// recipientOf is gap g's recipient (propertyStore's registry) as a donor.
func recipientOf(g int) string {
	return strings.ToLower(common.BigToAddress(big.NewInt(int64(0xb1 + g - 1))).Hex())
}

// TestOpenSumsEqualFullComputation: whatever imports (small and chunked,
// repeated ids, recipients giving to their own gap and to others, amounts
// past 2^64), voids and recipient changes a qf or linear round goes
// through, stats from its sums is byte for byte the computation from its
// rows after every step, and the sums are usable until a weighted row
// arrives.
func TestOpenSumsEqualFullComputation(t *testing.T) {
	for _, mode := range []struct {
		name                 string
		chunk, sstMin, parts int
	}{
		{"chunks of 3 cells", 3, 1 << 30, 8 << 20},                 // most imports merge in several chunks
		{"fresh sums ingested as an SSTable", 1 << 20, 1, 8 << 20}, // the first import, and every rebuild
		{"every record committed on its own", 3, 1 << 30, 1},       // a large chunk's batch, cut in parts
	} {
		t.Run(mode.name, func(t *testing.T) {
			defer store.SetSumsChunkCells(store.SetSumsChunkCells(mode.chunk))
			defer store.SetSSTFrom(store.SetSSTFrom(mode.sstMin))
			defer store.SetSumsPartBytes(store.SetSumsPartBytes(mode.parts))
			openSumsProperty(t)
		})
	}
}

func openSumsProperty(t *testing.T) {
	usableSteps := 0
	for seed := range uint64(12) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 2121))
			cfg := calc.Config{Mechanism: []string{"qf", "linear"}[seed%2], Pool: *uint256.NewInt(1_000_000_007)}
			if seed%3 == 2 {
				cfg.CapBps = 4000
			}
			s := propertyStore(t, cfg)
			defer s.Close()
			donors := append([]string{recipientOf(1), recipientOf(2)}, propDonors...)
			weighted := false
			byID := map[string]*record.Contribution{} // an id given again is the same row
			for step := range 40 {
				switch x := rng.IntN(10); {
				case x < 2: // void a stored row
					var ids []string
					require.NoError(t, s.EachContribution(1, func(row *record.Contribution) error { ids = append(ids, string(row.ID)); return nil }))
					if len(ids) > 0 {
						_, err := s.VoidContribution(1, ids[rng.IntN(len(ids))], "property test")
						require.NoError(t, err)
					}
				case x == 2: // a gap's recipient changes
					g := 1 + rng.IntN(3)
					_, err := s.SetGap(calc.Gap{ID: *uint256.NewInt(uint64(g)), Recipient: common.BigToAddress(big.NewInt(int64(0xb1 + rng.IntN(3))))})
					require.NoError(t, err)
				default:
					var rows []*record.Contribution
					for range 1 + rng.IntN(8) {
						x := &record.Contribution{Donor: []byte(donors[rng.IntN(len(donors))]), Gap: *uint256.NewInt(uint64(1 + rng.IntN(3)))}
						if rng.IntN(3) > 0 {
							id := fmt.Sprint("id", rng.IntN(40))
							if y, ok := byID[id]; ok {
								rows = append(rows, y)
								continue
							}
							x.ID = []byte(id)
							byID[id] = x
						}
						if rng.IntN(6) == 0 {
							x.Amount.Lsh(uint256.NewInt(1+rng.Uint64N(1000)), 80)
						} else {
							x.Amount.SetUint64(1 + rng.Uint64N(1e9))
						}
						if seed >= 10 && step > 30 && !weighted {
							x.Weight, weighted = []byte("2"), true
						}
						rows = append(rows, x)
					}
					_, err := s.Import(1, feed(rows...))
					require.NoError(t, err)
				}
				sums, rows, usable := projections(t, s, 1)
				require.Equal(t, rows, sums, "step %d", step)
				require.Equal(t, !weighted, usable, "step %d", step)
				if usable {
					usableSteps++
				}
			}
		})
	}
	require.Greater(t, usableSteps, 400) // the property is about the sums, not the fallback
}

// TestOpenSumsStale: rows written without the hook (an import's commit
// and then a crash, a ledger fund, a database from before) leave the
// sums stale: stats falls back to the rows, with the same answer, and the
// next import rebuilds them.
func TestOpenSumsStale(t *testing.T) {
	defer store.SetSSTFrom(store.SetSSTFrom(1)) // the rebuild ingests its sums
	s := propertyStore(t, calc.Config{Mechanism: "qf", Pool: *uint256.NewInt(1000)})
	defer s.Close()
	_, err := s.Import(1, feed(row("a", "alice", 1, 400), row("b", "bob", 1, 900), row("c", "alice", 2, 50)))
	require.NoError(t, err)
	sums, rows, usable := projections(t, s, 1)
	require.True(t, usable)
	require.Equal(t, rows, sums)

	// the crash: the rows and the round record are committed, the hook never runs
	r, err := s.Round(1)
	require.NoError(t, err)
	b := s.NewBatch()
	x := row("d", "carol", 2, 7777)
	x.Seq = uint64(r.Contributions + 1)
	require.NoError(t, store.PutContribution(b, 1, x.ID, x))
	r.Contributions++
	require.NoError(t, s.PutRound(b, r))
	require.NoError(t, s.Apply(b, true))
	b.Close()

	gaps, err := s.Gaps()
	require.NoError(t, err)
	_, err = s.OpenSums(r, gaps)
	require.EqualError(t, err, "no statistics sums: round 1's are stale (made at 3 contributions, 0 voided; the round has 4, 0 voided)")
	sums, rows, usable = projections(t, s, 1)
	require.False(t, usable)
	require.Equal(t, rows, sums)
	require.Contains(t, sums, `"direct":"9127"`)

	// a void keeps them stale
	_, err = s.VoidContribution(1, "a", "test")
	require.NoError(t, err)
	sums, rows, usable = projections(t, s, 1)
	require.False(t, usable)
	require.Equal(t, rows, sums)

	// the next import rebuilds them from the rows
	_, err = s.Import(1, feed(row("e", "dave", 3, 5)))
	require.NoError(t, err)
	sums, rows, usable = projections(t, s, 1)
	require.True(t, usable)
	require.Equal(t, rows, sums)
	require.Contains(t, sums, `"direct":"8732"`)

	// the hook run again (a bulk import's, after the batch path's) changes nothing
	require.NoError(t, s.AfterImport(1, feed(row("e", "dave", 3, 5))))
	sums2, _, usable := projections(t, s, 1)
	require.True(t, usable)
	require.Equal(t, sums, sums2)
}

// TestAfterImportBulk: the bulk import's hook, with rows stored and the
// round's record moved on as an SST import leaves them, takes the added
// rows in chunks, in any order; rows it is not shown are caught by a
// rebuild.
func TestAfterImportBulk(t *testing.T) {
	defer store.SetSumsChunkCells(store.SetSumsChunkCells(4))
	for _, tc := range []struct {
		name  string
		shown int // how many of the added rows the hook replays
	}{
		{"all rows", 30},
		{"rows missing", 20},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := propertyStore(t, calc.Config{Mechanism: "qf", Pool: *uint256.NewInt(1_000_000)})
			defer s.Close()
			_, err := s.Import(1, feed(row("first", "alice", 1, 10)))
			require.NoError(t, err)
			r, err := s.Round(1)
			require.NoError(t, err)
			var added []*record.Contribution
			b := s.NewBatch()
			for i := range 30 {
				x := row(fmt.Sprint("bulk", i), propDonors[i%4], uint64(1+i%3), uint64(100+i))
				r.Contributions++
				x.Seq = uint64(r.Contributions)
				require.NoError(t, store.PutContribution(b, 1, x.ID, x))
				added = append(added, x)
			}
			require.NoError(t, s.PutRound(b, r))
			require.NoError(t, s.Apply(b, true))
			b.Close()
			rng := rand.New(rand.NewPCG(1, 2))
			rng.Shuffle(len(added), func(i, j int) { added[i], added[j] = added[j], added[i] })
			require.NoError(t, s.AfterImport(1, feed(added[:tc.shown]...)))
			sums, rows, usable := projections(t, s, 1)
			require.True(t, usable)
			require.Equal(t, rows, sums)
		})
	}
}

// TestAfterImportCutShort: a hook that fails after some of its records
// were committed (chunks merged, each batch cut in parts at
// sumsPartBytes) leaves sums that are refused, never taken again with
// those rows counted twice: the next import rebuilds them.
func TestAfterImportCutShort(t *testing.T) {
	defer store.SetSumsChunkCells(store.SetSumsChunkCells(4))
	defer store.SetSumsPartBytes(store.SetSumsPartBytes(1))
	s := propertyStore(t, calc.Config{Mechanism: "qf", Pool: *uint256.NewInt(1_000_000)})
	defer s.Close()
	_, err := s.Import(1, feed(row("first", "alice", 1, 10)))
	require.NoError(t, err)
	r, err := s.Round(1)
	require.NoError(t, err)
	var added []*record.Contribution
	b := s.NewBatch()
	for i := range 30 {
		x := row(fmt.Sprint("bulk", i), propDonors[i%4], uint64(1+i%3), uint64(100+i))
		r.Contributions++
		x.Seq = uint64(r.Contributions)
		require.NoError(t, store.PutContribution(b, 1, x.ID, x))
		added = append(added, x)
	}
	require.NoError(t, s.PutRound(b, r))
	require.NoError(t, s.Apply(b, true))
	b.Close()
	cut := errors.New("cut")
	err = s.AfterImport(1, func(fn func(*record.Contribution) error) error {
		for _, x := range added[:15] { // past a chunk of 4 cells: parts were committed
			if err := fn(x); err != nil {
				return err
			}
		}
		return cut
	})
	require.ErrorIs(t, err, cut)
	sums, rows, usable := projections(t, s, 1)
	require.False(t, usable, "the head went with the first part")
	require.Equal(t, rows, sums)
	_, err = s.Import(1, feed(row("later", "bob", 2, 5)))
	require.NoError(t, err)
	sums, rows, usable = projections(t, s, 1)
	require.True(t, usable)
	require.Equal(t, rows, sums)
}

// TestOpenSumsGiveUpOnALargeImport: an import of more rows than one hook
// sums (sumsMaxImport) leaves sums that say so, whatever came before;
// stats computes the round from its rows, the same answer; later funds,
// voids and imports keep them stamped and given up, never wrong.
func TestOpenSumsGiveUpOnALargeImport(t *testing.T) {
	defer store.SetSumsMaxImport(store.SetSumsMaxImport(5))
	s := propertyStore(t, calc.Config{Mechanism: "qf", Pool: *uint256.NewInt(1_000_000)})
	defer s.Close()
	_, err := s.Import(1, feed(row("a", "alice", 1, 10), row("b", "bob", 2, 20)))
	require.NoError(t, err)
	_, _, usable := projections(t, s, 1)
	require.True(t, usable)
	var big []*record.Contribution
	for i := range 6 {
		big = append(big, row(fmt.Sprint("big", i), propDonors[i%4], uint64(1+i%3), uint64(100+i)))
	}
	_, err = s.Import(1, feed(big...))
	require.NoError(t, err)
	r, err := s.Round(1)
	require.NoError(t, err)
	gaps, err := s.Gaps()
	require.NoError(t, err)
	_, err = s.OpenSums(r, gaps)
	require.EqualError(t, err, "no statistics sums: round 1's cannot describe it (more than 5 rows to sum at once)")
	sums, rows, usable := projections(t, s, 1)
	require.False(t, usable)
	require.Equal(t, rows, sums)
	_, err = s.VoidContribution(1, "big0", "test")
	require.NoError(t, err)
	_, err = s.Import(1, feed(row("c", "carol", 3, 30)))
	require.NoError(t, err)
	sums, rows, usable = projections(t, s, 1)
	require.False(t, usable)
	require.Equal(t, rows, sums)
}

// TestOpenSumsRefused: the settings and rows the sums cannot describe
// are computed from the rows, and say why.
func TestOpenSumsRefused(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  calc.Config
		rows []*record.Contribution
		want string
	}{
		{"weight", calc.Config{Mechanism: "qf"}, []*record.Contribution{{ID: []byte("w"), Donor: []byte("alice"), Gap: *uint256.NewInt(1), Amount: *uint256.NewInt(5), Weight: []byte("2")}},
			`no statistics sums: round 1's cannot describe it (a row has a weight)`},
		{"pairwise", calc.Config{Mechanism: "pairwise", Params: calc.Params{"M": "100"}}, []*record.Contribution{row("a", "alice", 1, 5)},
			`no statistics sums: kept for open [qf linear] rounds only`},
		{"min amount", calc.Config{Mechanism: "linear", MinAmount: *uint256.NewInt(3)}, []*record.Contribution{row("a", "alice", 1, 5), row("b", "bob", 1, 2)}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.cfg.Pool = *uint256.NewInt(1000)
			s := propertyStore(t, tc.cfg)
			defer s.Close()
			_, err := s.Import(1, feed(tc.rows...))
			require.NoError(t, err)
			r, err := s.Round(1)
			require.NoError(t, err)
			gaps, err := s.Gaps()
			require.NoError(t, err)
			_, err = s.OpenSums(r, gaps)
			if tc.want != "" {
				require.EqualError(t, err, tc.want)
			} else {
				require.NoError(t, err) // the sums are kept; the minimum is round.Projected's to refuse
			}
			sums, rows, _ := projections(t, s, 1)
			require.Equal(t, rows, sums)
		})
	}
}

// TestCloseDropsSums: closing a round deletes its statistics sums (they
// describe an open round only).
func TestCloseDropsSums(t *testing.T) {
	s := propertyStore(t, calc.Config{Mechanism: "qf", Pool: *uint256.NewInt(1000)})
	defer s.Close()
	_, err := s.Import(1, feed(row("a", "alice", 1, 400), row("b", "bob", 2, 900)))
	require.NoError(t, err)
	countSums := func() int {
		n := 0
		for _, p := range []byte{'h', 'o', 'l', 'd'} { // prefixSumsHead, prefixGapSums, prefixCell, prefixDonorRows
			it, err := s.NewIter([]byte{p}, []byte{p + 1})
			require.NoError(t, err)
			for it.First(); it.Valid(); it.Next() {
				n++
			}
			require.NoError(t, it.Close())
		}
		return n
	}
	require.Equal(t, 1+2+2+2, countSums()) // head, 2 gaps, 2 cells, 2 donors
	r, err := s.Round(1)
	require.NoError(t, err)
	out, err := round.FromStore(s, r, r.Config, nil)
	require.NoError(t, err)
	_, err = round.CloseStored(s, 1, out.Report, out.Tree)
	require.NoError(t, err)
	require.Zero(t, countSums())
}
