package store_test

import (
	"bytes"
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/record"
	"github.com/qf-dev/qf/store"
)

// dump is every key and value of a store, in key order.
func dump(t *testing.T, s *store.Store) []string {
	it, err := s.NewIter(nil, nil)
	require.NoError(t, err)
	defer it.Close()
	var out []string
	for it.First(); it.Valid(); it.Next() {
		out = append(out, fmt.Sprintf("%x=%x", it.Key(), it.Value()))
	}
	require.NoError(t, it.Error())
	return out
}

// randomFile makes a file of rows for the property test: ids from a small
// pool (the same id mostly with the same content, sometimes other
// content: a conflict), automatic ids (identical rows among them),
// weights, zero amounts, amounts near 2^256, unregistered gaps, and
// sometimes a scan error after the rows.
func randomFile(rng *rand.Rand) ([]*record.Contribution, error) {
	top := new(uint256.Int).SetAllOne()
	n := rng.IntN(40)
	rows := make([]*record.Contribution, 0, n)
	for i := range n {
		k := rng.IntN(60)
		r := row(fmt.Sprintf("i%d", k), fmt.Sprintf("d%d", k%7), uint64(1+k%2), uint64(1+k%5))
		switch p := rng.IntN(100); {
		case p < 25:
			r.ID = nil // automatic id; the content repeats often
		case p < 28:
			r.Amount.AddUint64(&r.Amount, 1) // other content: a conflict
		case p < 30:
			r.Gap.SetUint64(3) // not registered
		case p < 31:
			r.Amount.Clear()
		case p < 32:
			r.Amount.Set(top)
		case p < 40:
			r.Weight = []byte(fmt.Sprint(1 + k%7%2)) // one weight per donor
		case p < 41:
			r.Weight = []byte("3") // a second weight for the donor
		}
		r.Line = i + 2
		rows = append(rows, r)
	}
	if rng.IntN(10) == 0 {
		return rows, errors.New("c.csv:99: amount: not a number")
	}
	return rows, nil
}

// TestBulkImportAgreesWithBatch imports random files one after the other
// into four stores — Import (one batch), ImportFile committed in a batch,
// ImportFile ingested with a sort that spills every few rows, ImportFile
// ingested with its rows decided in key ranges on several goroutines — and
// requires the same counts, the same errors and every key and value the
// same, byte for byte, after each import.
func TestBulkImportAgreesWithBatch(t *testing.T) {
	for seed := range uint64(20) {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 21))
			batch, _ := setup(t)
			defer batch.Close()
			file, _ := setup(t)
			defer file.Close()
			ingested, _ := setup(t)
			defer ingested.Close()
			parts, _ := setup(t)
			defer parts.Close()
			for step := range 8 {
				rows, after := randomFile(rng)
				scan := func(add func(*record.Contribution) error) error {
					if err := feed(rows...)(add); err != nil {
						return err
					}
					return after
				}
				type outcome struct {
					st  store.ImportStats
					err string
				}
				do := func(fn func(uint64, func(func(*record.Contribution) error) error) (store.ImportStats, error)) outcome {
					st, err := fn(1, scan)
					o := outcome{st: st}
					if err != nil {
						o.err = err.Error()
					}
					return o
				}
				want := do(batch.Import)
				require.Equal(t, want, do(file.ImportFile), "step %d: ImportFile in a batch", step)
				restore := store.ForceIngest(200)
				got := do(ingested.ImportFile)
				restore()
				require.Equal(t, want, got, "step %d: ImportFile ingested", step)
				restore = store.ForceParts()
				got = do(parts.ImportFile)
				restore()
				require.Equal(t, want, got, "step %d: ImportFile ingested, decided in parts", step)
				d := dump(t, batch)
				require.Equal(t, d, dump(t, file), "step %d: stores after ImportFile in a batch", step)
				require.Equal(t, d, dump(t, ingested), "step %d: stores after ImportFile ingested", step)
				require.Equal(t, d, dump(t, parts), "step %d: stores after ImportFile decided in parts", step)
			}
		})
	}
}

// TestBulkImportKeepsChecks: the round's check state lets an import check
// a new row against the stored total without reading the stored rows,
// and a void (or any other writer) makes the import read them again.
func TestBulkImportKeepsChecks(t *testing.T) {
	top := new(uint256.Int).SetAllOne()
	s, _ := setup(t)
	defer s.Close()
	defer store.ForceIngest(1 << 20)()
	big := row("big", "alice", 1, 0)
	big.Amount.Sub(top, uint256.NewInt(10))
	_, err := s.ImportFile(1, feed(big, row("a", "bob", 1, 5)))
	require.NoError(t, err)
	over := row("o", "carol", 2, 6)
	over.Line = 7
	_, err = s.ImportFile(1, feed(over))
	require.EqualError(t, err, "amount: exceeds 2^256-1: the round's total with this contribution ("+new(uint256.Int).Sub(top, uint256.NewInt(5)).Dec()+" + 6)")
	_, err = s.VoidContribution(1, "a", "test")
	require.NoError(t, err)
	st, err := s.ImportFile(1, feed(over))
	require.NoError(t, err, "with a voided, the total is read again from the rows")
	require.Equal(t, store.ImportStats{Added: 1}, st)
	require.True(t, bytes.HasPrefix([]byte(dump(t, s)[0]), []byte("007166")), "the marker first")
}

// TestImportHookReplaysAdded: after an import that added rows, the hook
// replays exactly those rows (id, content, sequence) — on every path: one
// batch, ImportFile in a batch, ingested (spilled), ingested in parts —
// and its error comes back wrapped while the rows stay stored.
func TestImportHookReplaysAdded(t *testing.T) {
	for _, way := range []string{"Import", "ImportFile", "ingested", "parts"} {
		t.Run(way, func(t *testing.T) {
			s, _ := setup(t)
			defer s.Close()
			_, err := s.Import(1, feed(row("a", "alice", 1, 5), row("", "bob", 2, 3)))
			require.NoError(t, err)
			before := storedRows(t, s, 1)
			var got []string
			fail := errors.New("stats out of reach")
			defer store.SetImportHook(func(_ *store.Store, round uint64, added func(fn func(*record.Contribution) error) error) error {
				require.Equal(t, uint64(1), round)
				err := added(func(r *record.Contribution) error {
					got = append(got, fmt.Sprintf("%s %x seq %d", r.ID, store.EncodeContent(r), r.Seq))
					return nil
				})
				require.NoError(t, err)
				return fail
			})()
			imp := s.ImportFile
			switch way {
			case "Import":
				imp = s.Import
			case "ingested":
				defer store.ForceIngest(100)()
			case "parts":
				defer store.ForceParts()()
			}
			st, err := imp(1, feed(row("a", "alice", 1, 5), row("z", "zed", 1, 2), row("", "bob", 2, 3), row("", "bob", 2, 3), row("m", "mia", 2, 4)))
			require.ErrorIs(t, err, fail)
			require.EqualError(t, err, "round 1: the contributions are stored, but updating what follows them failed: stats out of reach")
			require.Equal(t, store.ImportStats{Added: 3, Duplicates: 2}, st)
			after := storedRows(t, s, 1)
			var added []string
			for _, r := range after {
				if !slices.Contains(before, r) {
					added = append(added, r)
				}
			}
			require.Len(t, added, 3)
			slices.Sort(got)
			require.Equal(t, added, got, "the replayed rows are the added ones (sorted by id)")
		})
	}
}

// TestBulkImportLeavesNothingToCompact: a bulk import into a fresh round,
// in a store as the commands before it leave it (the gaps and the round
// in its log), links its rows and its statistics sums straight into the
// bottom level, so the next command has no compaction to run over them.
// (A table holding both the round record and the check state spanned the
// sums' prefixes and sent the sums' tables to L0, and so did a deletion
// of sums that were not there: the next command, a read, rewrote them.)
func TestBulkImportLeavesNothingToCompact(t *testing.T) {
	defer store.ForceIngest(1 << 20)()
	defer store.SetSSTFrom(store.SetSSTFrom(1))
	dir := t.TempDir()
	s := open(t, dir) // qf import gaps
	_, err := s.AddGaps([]calc.Gap{{ID: *uint256.NewInt(1), Recipient: common.BigToAddress(big.NewInt(0xb1))}, {ID: *uint256.NewInt(2), Recipient: common.BigToAddress(big.NewInt(0xb2))}})
	require.NoError(t, err)
	require.NoError(t, s.Close())
	s = open(t, dir) // qf round create
	_, err = s.CreateRound(store.Round{Config: calc.Config{Mechanism: "qf", Pool: *uint256.NewInt(1000)}})
	require.NoError(t, err)
	require.NoError(t, s.Close())
	s = open(t, dir) // qf import contributions
	var rows []*record.Contribution
	for i := range 500 {
		rows = append(rows, row(fmt.Sprintf("i%d", i), fmt.Sprintf("0x%040x", i%37), uint64(1+i%2), uint64(1+i)))
	}
	st, err := s.ImportFile(1, feed(rows...))
	require.NoError(t, err)
	require.Equal(t, 500, st.Added)
	require.NoError(t, s.Close())
	s = open(t, dir) // the next command
	defer s.Close()
	above, err := s.TablesAbove("cdhklor")
	require.NoError(t, err)
	require.Empty(t, above)
	r, err := s.Round(1)
	require.NoError(t, err)
	gaps, err := s.Gaps()
	require.NoError(t, err)
	sums, err := s.OpenSums(r, gaps)
	require.NoError(t, err)
	require.Equal(t, 37, sums.Donors)
}
