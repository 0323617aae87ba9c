package store_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/record"
	"github.com/qf-dev/qf/store"
)

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
					want, wantErr := slow.ImportFileRowByRowSums(1, feed(rows...))
					got, err := fast.ImportFile(1, feed(rows...))
					require.Equal(t, want, got, "step %d", step)
					require.Equal(t, fmt.Sprint(wantErr), fmt.Sprint(err), "step %d", step)
					require.Equal(t, dump(t, slow), dump(t, fast), "step %d", step)
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
