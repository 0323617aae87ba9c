package store_test

import (
	"encoding/hex"
	"fmt"
	"math/big"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/record"
	"github.com/qf-dev/qf/store"
)

// deferredView is want (a store's records, as dump lists them) as got
// (another store's) holds them when got's sums of a round are deferred (a
// bulk import into the fresh round wrote them): for each such round,
// without its donors' row counts and its cells but the recipients' own
// (s's gaps say whose), and with a head that says they are deferred (its
// stamp kept aside: see store's deferredStamp).
// Other rounds' records are want's.
func deferredView(t *testing.T, s *store.Store, want, got []string) []string {
	t.Helper()
	gaps, err := s.Gaps()
	require.NoError(t, err)
	own := map[string]string{} // gap key bytes (hex) → its recipient as a donor (hex)
	for _, g := range gaps {
		b := g.ID.Bytes32()
		own[hex.EncodeToString(b[:])] = hex.EncodeToString([]byte("0x" + hex.EncodeToString(g.Recipient[:])))
	}
	deferred := map[string]bool{} // round number (hex)
	for _, kv := range got {
		key, val, _ := strings.Cut(kv, "=")
		if v, err := hex.DecodeString(val); err == nil && strings.HasPrefix(key, "68") && len(key) == 18 && strings.Contains(string(v), `"deferred":true`) {
			deferred[key[2:18]] = true
		}
	}
	var out []string
	for _, kv := range want {
		key, val, _ := strings.Cut(kv, "=")
		if len(key) < 18 || !deferred[key[2:18]] {
			out = append(out, kv)
			continue
		}
		switch key[:2] {
		case "64": // a donor's row count
			continue
		case "6c": // a cell: round, gap (32 bytes), donor
			if len(key) < 82 || own[key[18:82]] != key[82:] {
				continue
			}
		case "68": // the head
			v, err := hex.DecodeString(val)
			require.NoError(t, err)
			// its stamp kept aside, the one older versions read above
			// any round's count
			c := regexp.MustCompile(`^\{"contributions":([0-9]+),`).FindSubmatch(v)
			require.NotNil(t, c, "a head: %s", v)
			v = append([]byte(`{"contributions":9223372036854775807,`), v[len(c[0]):len(v)-1]...)
			v = fmt.Appendf(v, `,"deferred":true,"deferredContributions":%s}`, c[1])
			kv = key + "=" + hex.EncodeToString(v)
		}
		out = append(out, kv)
	}
	return out
}

// plainFile makes a file the fresh sums can take, most of the time: ids
// from a pool (a repeated id repeats its row: a duplicate), automatic ids,
// address and named donors, amounts from 1 wei to 2^200, and, with kind,
// the odd row that sends the import to the row-by-row update (a donor not
// in canonical form, a weight, a zero amount).
func plainFile(rng *rand.Rand, n, donors int, odd bool) []*record.Contribution {
	rows := make([]*record.Contribution, 0, n)
	for i := range n {
		k := rng.IntN(2 * donors)
		d := k * 2654435761 % donors // an id always names the same row
		donor := fmt.Sprintf("0x%040x", d*7919)
		if d%5 == 0 {
			donor = fmt.Sprintf("donor-%d", d)
		}
		r := row(fmt.Sprintf("i%d", k), donor, uint64(1+k%2), uint64(1+k%1000))
		switch k % 11 {
		case 0:
			r.Amount.Lsh(uint256.NewInt(uint64(1+k)), 200)
		case 1:
			r.ID = nil
		}
		if odd && i == n/2 {
			r.ID = []byte("odd")
			switch rng.IntN(3) {
			case 0:
				r.Donor = []byte("0x" + strings.ToUpper(fmt.Sprintf("%040x", 0xabc)))
			case 1:
				r.Weight = []byte("2")
			case 2:
				r.Amount.Clear()
			}
		}
		r.Line = i + 2
		rows = append(rows, r)
	}
	return rows
}

// TestFreshSumsAgreeWithRowByRow: a bulk import into a fresh round sums
// its rows by sorting (sumsfresh.go); the records it stores — rows, round,
// sums — are those of the row-by-row update, byte for byte, whatever the
// rows: duplicates, automatic ids, big amounts, donors whose hashes all
// collide, and files the fresh sums cannot take. A second import into the
// same round then takes the row-by-row update on both.
func TestFreshSumsAgreeWithRowByRow(t *testing.T) {
	defer store.ForceIngest(1 << 20)()
	defer store.SetSSTFrom(store.SetSSTFrom(1))
	deferrals := 0
	defer func() { require.GreaterOrEqual(t, deferrals, 15, "fresh imports that deferred their sums") }()
	for _, tc := range []struct {
		name    string
		rows    int
		odd     bool
		collide bool
	}{
		{"one row", 1, false, false},
		{"small", 50, false, false},
		{"larger", 3000, false, false},
		{"colliding donors", 400, false, true},
		{"an odd row", 300, true, false},
	} {
		for seed := range uint64(4) {
			t.Run(fmt.Sprintf("%s/seed %d", tc.name, seed), func(t *testing.T) {
				rng := rand.New(rand.NewPCG(seed, 77))
				donors := tc.rows/3 + 1
				first, second := plainFile(rng, tc.rows, donors, tc.odd), plainFile(rng, tc.rows/2+1, donors, false)
				fast, _ := setup(t)
				defer fast.Close()
				slow, _ := setup(t)
				defer slow.Close()
				if tc.collide {
					defer store.CollideDonors()()
				}
				for step, rows := range [][]*record.Contribution{first, second} {
					before, err := fast.Round(1)
					require.NoError(t, err)
					want, wantErr := slow.ImportFileRowByRowSums(1, feed(rows...))
					got, err := fast.ImportFile(1, feed(rows...))
					require.Equal(t, want, got, "step %d", step)
					require.Equal(t, fmt.Sprint(wantErr), fmt.Sprint(err), "step %d", step)
					stored := dump(t, fast)
					require.Equal(t, deferredView(t, slow, dump(t, slow), stored), stored, "step %d", step)
					deferred, err := fast.SumsDeferred(1)
					require.NoError(t, err)
					// the fresh import defers; an import behind it makes them whole
					if before.Contributions == 0 && deferred {
						deferrals++
					}
					if before.Contributions > 0 && got.Added > 0 {
						require.False(t, deferred, "step %d: deferred", step)
					}
				}
				r, err := fast.Round(1)
				require.NoError(t, err)
				gaps, err := fast.Gaps()
				require.NoError(t, err)
				sums, err := fast.OpenSums(r, gaps)
				if !tc.odd {
					require.NoError(t, err)
					require.Equal(t, r.Contributions, sums.Rows)
				}
			})
		}
	}
}

// TestRebuildFromBlockIsRebuild requires the sums made from a round's
// rows read as a block (what completes deferred sums) to be the records
// the row-by-row rebuild makes, with voided rows among them, and the
// block to give up (nothing written) on a round it cannot carry.
func TestRebuildFromBlockIsRebuild(t *testing.T) {
	defer store.SetSSTFrom(store.SetSSTFrom(1))
	for _, tc := range []struct {
		name      string
		rows      int
		odd       bool
		voids     int
		wantBlock bool
	}{
		{"one row", 1, false, 0, true},
		{"small", 50, false, 0, true},
		{"larger", 3000, false, 0, true},
		{"with voids", 800, false, 40, true},
		{"every id voided", 5, false, 1 << 30, true},
		{"an odd row", 300, true, 0, false},
	} {
		for seed := range uint64(3) {
			t.Run(fmt.Sprintf("%s/seed %d", tc.name, seed), func(t *testing.T) {
				rng := rand.New(rand.NewPCG(seed, 91))
				rows := plainFile(rng, tc.rows, tc.rows/3+1, tc.odd)
				block, _ := setup(t)
				defer block.Close()
				plain, _ := setup(t)
				defer plain.Close()
				for _, s := range []*store.Store{block, plain} {
					_, err := s.Import(1, feed(rows...))
					if err != nil { // (an odd row may be refused: nothing to sum)
						t.Skipf("the file is refused: %v", err)
					}
					v := 0
					for i := 0; v < tc.voids && i < len(rows); i++ {
						if len(rows[i].ID) == 0 {
							continue
						}
						if _, err := s.VoidContribution(1, string(rows[i].ID), "test"); err == nil {
							v++
						}
					}
					if tc.voids < 1<<30 {
						require.Equal(t, tc.voids, v, "voided")
					} else {
						require.Positive(t, v, "voided")
					}
				}
				before := dump(t, block)
				done, err := block.RebuildFromBlock(1)
				require.NoError(t, err)
				require.NoError(t, plain.RebuildSums(1))
				if !done {
					require.False(t, tc.wantBlock, "the block gave up")
					require.Equal(t, before, dump(t, block), "written when giving up")
					return
				}
				require.Equal(t, dump(t, plain), dump(t, block))
			})
		}
	}
}

// TestDeferredSumsRecipientChange changes the recipient of a gap of a
// round whose sums are deferred (they hold only the recipients' own
// cells) to one of the gap's donors, and back: stats from the sums stay
// the computation from the rows, which leaves the new recipient's own
// total out of the match.
func TestDeferredSumsRecipientChange(t *testing.T) {
	defer store.ForceIngest(1 << 20)()
	defer store.SetSSTFrom(store.SetSSTFrom(1))
	s, _ := setup(t)
	defer s.Close()
	donor := common.BigToAddress(big.NewInt(0xd0))
	rows := []*record.Contribution{
		row("a", strings.ToLower(donor.Hex()), 1, 900),
		row("b", "0x00000000000000000000000000000000000000d1", 1, 100),
		row("c", "0x00000000000000000000000000000000000000d2", 2, 400),
		row("d", recipientOf(2), 2, 25), // gap 2's recipient, to its own gap
	}
	_, err := s.ImportFile(1, feed(rows...))
	require.NoError(t, err)
	deferred, err := s.SumsDeferred(1)
	require.NoError(t, err)
	require.True(t, deferred, "the fresh import defers")
	fromSums, fromRows := statsBothWays(t, s, 1)
	require.Equal(t, fromRows, fromSums, "deferred, a recipient giving to its own gap")

	for _, to := range []common.Address{donor, common.BigToAddress(big.NewInt(0xb1))} {
		_, err = s.SetGap(calc.Gap{ID: *uint256.NewInt(1), Recipient: to})
		require.NoError(t, err)
		fromSums, fromRows = statsBothWays(t, s, 1)
		require.Equal(t, fromRows, fromSums, "gap 1 paid to %s", to.Hex())
		deferred, err = s.SumsDeferred(1)
		require.NoError(t, err)
		require.False(t, deferred, "made whole by the recipient's change")
	}
}

// TestCompleteDeferredSums requires CompleteDeferredSums (what the
// service's ledger calls when it loads the open round) to make deferred
// sums whole, the row-by-row records, and to change nothing otherwise.
func TestCompleteDeferredSums(t *testing.T) {
	defer store.ForceIngest(1 << 20)()
	defer store.SetSSTFrom(store.SetSSTFrom(1))
	rng := rand.New(rand.NewPCG(5, 5))
	rows := plainFile(rng, 400, 90, false)
	fast, _ := setup(t)
	defer fast.Close()
	slow, _ := setup(t)
	defer slow.Close()
	_, err := fast.ImportFile(1, feed(rows...))
	require.NoError(t, err)
	_, err = slow.ImportFileRowByRowSums(1, feed(rows...))
	require.NoError(t, err)
	deferred, err := fast.SumsDeferred(1)
	require.NoError(t, err)
	require.True(t, deferred)
	r, err := fast.Round(1)
	require.NoError(t, err)
	require.NoError(t, fast.CompleteDeferredSums(r))
	require.Equal(t, dump(t, slow), dump(t, fast), "made whole")
	before := dump(t, fast)
	require.NoError(t, fast.CompleteDeferredSums(r))
	require.Equal(t, before, dump(t, fast), "whole sums: nothing to do")
	stale := r
	stale.Contributions-- // (a stamp that is not the round's: stale sums stay so)
	require.NoError(t, fast.CompleteDeferredSums(stale))
	require.Equal(t, before, dump(t, fast), "stale sums: nothing to do")
}
