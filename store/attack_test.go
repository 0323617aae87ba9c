package store_test

import (
	"testing"

	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/merkle"
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/service"
	"github.com/qf-dev/qf/store"
)

// A contribution funded while round 1 matched is journaled with round 1
// but stored in round 2; when round 2 then closes with no journal entry
// of its own (an empty pool pays nothing), the check must still find it.
func TestCheckFindsLateRowsOfAQuietRound(t *testing.T) {
	s, l, dir := ledgerWith(t, calc.Config{Mechanism: "qf"}, u(1000))
	_, _, err := l.FundSync(store.FundRequest{Agent: "alice", Gap: *u(1), Amount: *u(100), Key: "a1"})
	require.NoError(t, err)
	compute := func(snap *store.Store) store.Compute {
		return func(r store.Round, cfg calc.Config) (*payout.Report, *merkle.Tree, error) {
			if _, _, err := l.FundSync(store.FundRequest{Agent: "bob", Gap: *u(2), Amount: *u(40), Key: "late"}); err != nil {
				return nil, nil, err
			}
			return service.ComputeStored(snap)(r, cfg)
		}
	}
	_, err = l.MatchOn(nil, store.Origin{}, compute)
	require.NoError(t, err)
	_, err = l.Check()
	require.NoError(t, err, "round 2 open, with the late row")
	_, err = l.MatchOn(new(uint256.Int), store.Origin{}, service.ComputeStored)
	require.NoError(t, err, "round 2 matched with an empty pool")
	_, err = l.Check()
	require.NoError(t, err, "round 2 closed with no journal entry of its own")
	require.NoError(t, s.Close())
	// and across a restart
	s2 := open(t, dir)
	defer s2.Close()
	l2, err := s2.Ledger()
	require.NoError(t, err)
	rep, err := l2.Check()
	require.NoError(t, err)
	require.Equal(t, 2, rep.Contributions)
}
