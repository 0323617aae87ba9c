package ledger_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/record"
	"github.com/qf-dev/qf/store"
)

// Copies of store's test helpers: the ledger's tests moved out of store
// with it.

func open(t *testing.T, dir string) *store.Store {
	t.Helper()
	s, err := store.Open(dir)
	require.NoError(t, err)
	return s
}

func row(id, donor string, gap, amount uint64) *record.Contribution {
	return &record.Contribution{ID: []byte(id), Donor: []byte(donor), Gap: *uint256.NewInt(gap), Amount: *uint256.NewInt(amount)}
}

func feed(rows ...*record.Contribution) func(func(*record.Contribution) error) error {
	return func(add func(*record.Contribution) error) error {
		for _, r := range rows {
			if err := add(r); err != nil {
				return err
			}
		}
		return nil
	}
}

func count(t *testing.T, s *store.Store, round uint64) int {
	n := 0
	require.NoError(t, s.EachContribution(round, func(*record.Contribution) error { n++; return nil }))
	return n
}

func setup(t *testing.T) (*store.Store, string) {
	dir := t.TempDir()
	s := open(t, dir)
	_, err := s.AddGaps([]calc.Gap{{ID: *uint256.NewInt(1), Recipient: common.BigToAddress(big.NewInt(0xb1))}, {ID: *uint256.NewInt(2), Recipient: common.BigToAddress(big.NewInt(0xb2))}})
	require.NoError(t, err)
	_, err = s.CreateRound(store.Round{Config: calc.Config{Mechanism: "qf", Pool: *uint256.NewInt(1000)}})
	require.NoError(t, err)
	return s, dir
}
