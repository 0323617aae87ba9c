package store_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/cqf"
	"github.com/qf-dev/qf/record"
	"github.com/qf-dev/qf/round"
	"github.com/qf-dev/qf/store"
)

func addr(n int64) string { return "0x" + common.BigToAddress(big.NewInt(n)).Hex()[2:] }

func cqfRound(t *testing.T) *store.Store {
	s, _ := setup(t)
	_, err := s.CreateRound(store.Round{Number: 2, Config: calc.Config{Mechanism: calc.CQFName, Params: calc.Params{"sigma": "1e-3", "decay": "0.5"}}})
	require.NoError(t, err)
	return s
}

// TestPledgesKeepArrivalOrder: a cqf round's join order is the order rows
// arrived, across imports, whatever their ids sort as.
func TestPledgesKeepArrivalOrder(t *testing.T) {
	s := cqfRound(t)
	defer s.Close()
	_, err := s.Import(2, feed(row("z", addr(1), 1, 40), row("m", addr(2), 1, 10)))
	require.NoError(t, err)
	_, err = s.Import(2, feed(row("a", addr(3), 1, 30), row("z", addr(1), 1, 40))) // "z" again, same content: a duplicate
	require.NoError(t, err)
	_, err = s.Import(2, feed(row("", addr(4), 2, 20)))
	require.NoError(t, err)
	ps, err := round.StoredPledges(s, 2)
	require.NoError(t, err)
	var got []string
	for _, p := range ps {
		got = append(got, p.ID[:1]+":"+p.Limit.Dec())
	}
	require.Equal(t, []string{"z:40", "m:10", "a:30", "a:20"}, got) // the last is auto:…

	var seqs []uint64
	require.NoError(t, s.EachContribution(2, func(r *record.Contribution) error { seqs = append(seqs, r.Seq); return nil }))
	require.ElementsMatch(t, []uint64{1, 2, 3, 4}, seqs)
}

// TestPledgeRows: a cqf round refuses, whole import at a time, what a
// pledge cannot be.
func TestPledgeRows(t *testing.T) {
	for _, tc := range []struct {
		name string
		row  *record.Contribution
		err  string
	}{
		{"name, not address", row("x", "alice", 1, 5), `donor: bad pledge: "alice" must be a 0x address`},
		{"short address", row("x", "0x12", 1, 5), `donor: bad pledge: "0x12"`},
		{"weight", &record.Contribution{ID: []byte("x"), Donor: []byte(addr(1)), Gap: *uint256.NewInt(1), Amount: *uint256.NewInt(5), Weight: []byte("2")}, "weight: bad pledge"},
		{"score", &record.Contribution{ID: []byte("x"), Donor: []byte(addr(1)), Gap: *uint256.NewInt(1), Amount: *uint256.NewInt(5), Score: []byte("20")}, "score: bad pledge"},
		{"limit of 2^200", &record.Contribution{ID: []byte("x"), Donor: []byte(addr(1)), Gap: *uint256.NewInt(1), Amount: *new(uint256.Int).Set(cqf.MaxLimit)},
			"amount: bad pledge: limit 1606938044258990275541962092341162602522202993782792835301376 must be below 2^200"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := cqfRound(t)
			defer s.Close()
			_, err := s.Import(2, feed(row("ok", addr(7), 1, 9), tc.row))
			require.ErrorIs(t, err, store.ErrPledge)
			require.ErrorContains(t, err, tc.err)
			require.Zero(t, count(t, s, 2), "nothing stored")
		})
	}
}

// TestCloseCQFRound: the outcome and tree are stored with the round's
// closing, served back identical, and pool-round reads refuse the round.
func TestCloseCQFRound(t *testing.T) {
	s := cqfRound(t)
	defer s.Close()
	_, err := s.Import(2, feed(row("a", addr(1), 1, 4_000_000), row("b", addr(2), 1, 1_000_000), row("c", addr(2), 2, 9_000_000)))
	require.NoError(t, err)
	r, err := s.Round(2)
	require.NoError(t, err)
	set, err := round.CQFSettingsFor(r.Config)
	require.NoError(t, err)
	gaps, err := s.Gaps()
	require.NoError(t, err)
	rows, err := round.StoredPledges(s, 2)
	require.NoError(t, err)
	out, err := round.ComputeCQF(gaps, rows, set)
	require.NoError(t, err)
	require.Equal(t, "14000000", out.Leaves.Dec())

	_, err = round.CloseStoredCQF(s, 1, out)
	require.ErrorContains(t, err, "round 1 is a qf round, not cqf")
	_, err = round.StoredCQFOutcome(s, 2)
	require.ErrorIs(t, err, store.ErrRoundOpen)
	closed, err := round.CloseStoredCQF(s, 2, out)
	require.NoError(t, err)
	require.Equal(t, store.StatusClosed, closed.Status)
	require.Equal(t, out.Root, closed.Root)

	back, err := round.StoredCQFOutcome(s, 2)
	require.NoError(t, err)
	require.Equal(t, out.Gaps, back.Gaps)
	require.Equal(t, out.Root, back.Tree.Root())
	_, err = round.StoredReport(s, 2)
	require.ErrorIs(t, err, store.ErrCQFRound)
	_, err = round.CloseStoredCQF(s, 2, out)
	require.ErrorIs(t, err, store.ErrRoundClosed)
	_, err = s.Import(2, feed(row("d", addr(3), 1, 5)))
	require.ErrorIs(t, err, store.ErrRoundClosed)
}
