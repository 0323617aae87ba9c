package store_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/record"
	"github.com/qf-dev/qf/round"
	"github.com/qf-dev/qf/store"
)

// bigRound imports n random rows (big amounts, recipients and addresses
// among the donors, some rows voided) into propertyStore's round 1, in
// several imports, flushed to SSTables between them.
func bigRound(t *testing.T, s *store.Store, n int, seed uint64, wide bool) {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 77))
	donors := []string{recipientOf(2)}
	for i := range 3000 {
		if i%3 == 0 {
			donors = append(donors, fmt.Sprintf("0x%040x", 0xd000+i))
		} else {
			donors = append(donors, fmt.Sprint("donor", i))
		}
	}
	for part := range 4 {
		var rows []*record.Contribution
		for i := range n / 4 {
			x := row(fmt.Sprintf("r%d-%d", part, rng.IntN(1<<30)), donors[rng.IntN(len(donors))], uint64(1+rng.IntN(3)), 1e6+rng.Uint64N(1e7))
			if wide && i%97 == 0 {
				x.Amount.Lsh(&x.Amount, 70)
			}
			rows = append(rows, x)
		}
		_, err := s.Import(1, feed(rows...))
		require.NoError(t, err)
		require.NoError(t, s.Flush())
	}
	var ids []string
	require.NoError(t, s.EachContribution(1, func(r *record.Contribution) error {
		if rng.IntN(50) == 0 {
			ids = append(ids, string(r.ID))
		}
		return nil
	}))
	for _, id := range ids {
		_, err := s.VoidContribution(1, id, "test")
		require.NoError(t, err)
	}
}

// rowByRow computes round 1 reading it one row at a time (computeStored:
// EachContribution into the loader), as JSON.
func rowByRow(t *testing.T, s *store.Store) string {
	out, err := computeStored(s, 1)
	require.NoError(t, err)
	b, err := json.Marshal(out.Report)
	require.NoError(t, err)
	return string(b)
}

// TestReadBlockEqualsRowByRow: the parallel read of a round (cut into
// several key ranges) gives the report and root of the row-by-row read,
// for every mechanism; a round it cannot carry (a weighted row) is read
// row by row, with the same answer.
func TestReadBlockEqualsRowByRow(t *testing.T) {
	defer store.SetSplitMin(store.SetSplitMin(1))
	for _, tc := range []struct {
		name           string
		cfg            calc.Config
		rows           int
		wide, weighted bool
	}{
		{"qf", calc.Config{Mechanism: "qf"}, 20000, true, false},
		{"linear capped", calc.Config{Mechanism: "linear", CapBps: 5000}, 20000, true, false},
		{"cocm", calc.Config{Mechanism: "cocm"}, 4000, false, false},
		{"qf min amount", calc.Config{Mechanism: "qf", MinAmount: *uint256.NewInt(5e6)}, 20000, true, false},
		{"qf weighted", calc.Config{Mechanism: "qf"}, 20000, true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.cfg.Pool = *uint256.MustFromDecimal("1000000000000000000000")
			s := propertyStore(t, tc.cfg)
			defer s.Close()
			bigRound(t, s, tc.rows, 5, tc.wide)
			if tc.weighted {
				_, err := s.Import(1, feed(&record.Contribution{ID: []byte("w"), Donor: []byte("heavy"), Gap: *uint256.NewInt(2), Amount: *uint256.NewInt(9), Weight: []byte("2")}))
				require.NoError(t, err)
			}
			require.Greater(t, len(s.SplitRange(1, 8)), 3, "the round is read in several parts")
			gaps, err := s.Gaps()
			require.NoError(t, err)
			tl, err := calc.NewTally(gaps, nil)
			require.NoError(t, err)
			b, err := s.ReadBlock(1, tl.GapIndex, 1000)
			if tc.weighted {
				require.ErrorIs(t, err, store.ErrNeedsRows)
			} else {
				require.NoError(t, err)
				require.NoError(t, tl.AddBlock(b), "the tally takes the block")
			}
			r, err := s.Round(1)
			require.NoError(t, err)
			out, err := round.FromStore(s, r, r.Config, nil)
			require.NoError(t, err)
			got, err := json.Marshal(out.Report)
			require.NoError(t, err)
			require.Equal(t, rowByRow(t, s), string(got))
		})
	}
}

// TestSplitRange: the bounds start and end at the round's and increase.
func TestSplitRange(t *testing.T) {
	defer store.SetSplitMin(store.SetSplitMin(1))
	s := propertyStore(t, calc.Config{Mechanism: "qf", Pool: *uint256.NewInt(1000)})
	defer s.Close()
	require.Len(t, s.SplitRange(1, 8), 2, "an empty round is one range")
	bigRound(t, s, 8000, 9, true)
	b := s.SplitRange(1, 4)
	require.LessOrEqual(t, len(b), 5)
	require.Equal(t, store.ContribKey(1, nil), b[0])
	require.Equal(t, store.ContribKey(2, nil), b[len(b)-1])
	for i := 1; i < len(b); i++ {
		require.Less(t, string(b[i-1]), string(b[i]))
	}
	require.Len(t, s.SplitRange(1, 1), 2)
}
