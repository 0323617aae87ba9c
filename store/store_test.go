package store_test

import (
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/record"
	"github.com/qf-dev/qf/store"
)

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

func TestImportIsAllOrNothing(t *testing.T) {
	s, _ := setup(t)
	defer s.Close()
	boom := errors.New("line 3: bad amount")
	_, err := s.Import(1, func(add func(*record.Contribution) error) error {
		require.NoError(t, add(row("a", "alice", 1, 5)))
		require.NoError(t, add(row("b", "bob", 1, 5)))
		return boom
	})
	require.ErrorIs(t, err, boom)
	require.Equal(t, 0, count(t, s, 1))
	_, err = s.Import(1, feed(row("a", "alice", 1, 5), row("c", "carol", 9, 5)))
	require.ErrorIs(t, err, calc.ErrUnknownGap)
	require.Equal(t, 0, count(t, s, 1))
	r, err := s.Round(1)
	require.NoError(t, err)
	require.Equal(t, 0, r.Contributions)
}

func TestImportIsIdempotentAndDurable(t *testing.T) {
	s, dir := setup(t)
	st, err := s.Import(1, feed(row("a", "alice", 1, 5), row("a", "alice", 1, 5), row("b", "bob", 2, 7)))
	require.NoError(t, err)
	require.Equal(t, store.ImportStats{Added: 2, Duplicates: 1}, st)
	// rows without ids: identical rows in one import stay distinct, a re-import adds nothing
	st, err = s.Import(1, feed(row("", "carol", 1, 3), row("", "carol", 1, 3)))
	require.NoError(t, err)
	require.Equal(t, 2, st.Added)
	st, err = s.Import(1, feed(row("", "carol", 1, 3), row("", "carol", 1, 3), row("a", "alice", 1, 5)))
	require.NoError(t, err)
	require.Equal(t, store.ImportStats{Added: 0, Duplicates: 3}, st)
	require.NoError(t, s.Close())

	s = open(t, dir) // reopened from disk
	defer s.Close()
	require.Equal(t, 4, count(t, s, 1))
	r, err := s.Round(1)
	require.NoError(t, err)
	require.Equal(t, 4, r.Contributions)
	require.Equal(t, "1000", r.Config.Pool.Dec())
	var got []string
	require.NoError(t, s.EachContribution(1, func(r *record.Contribution) error {
		got = append(got, string(r.Donor)+":"+r.Gap.Dec()+":"+r.Amount.Dec())
		return nil
	}))
	require.Contains(t, got, "bob:2:7")
}

func TestClosedRoundRefusesContributions(t *testing.T) {
	s, _ := setup(t)
	defer s.Close()
	_, err := s.Import(1, feed(row("a", "alice", 1, 5)))
	require.NoError(t, err)
	_, err = s.CloseRound(1, nil, nil)
	require.NoError(t, err)
	_, err = s.Import(1, feed(row("b", "bob", 1, 5)))
	require.ErrorIs(t, err, store.ErrRoundClosed)
	_, err = s.CloseRound(1, nil, nil)
	require.ErrorIs(t, err, store.ErrRoundClosed, "a round closes once")
	require.Equal(t, 1, count(t, s, 1))
	_, err = s.Round(9)
	require.ErrorIs(t, err, store.ErrNoRound)
}

func TestGapRegistry(t *testing.T) {
	s, _ := setup(t)
	defer s.Close()
	n, err := s.AddGaps([]calc.Gap{{ID: *uint256.NewInt(1), Recipient: common.BigToAddress(big.NewInt(0xb1))}, {ID: *uint256.NewInt(3), Recipient: common.BigToAddress(big.NewInt(0xb3))}})
	require.NoError(t, err)
	require.Equal(t, 1, n, "re-registering the same recipient is a no-op")
	_, err = s.AddGaps([]calc.Gap{{ID: *uint256.NewInt(4), Recipient: common.BigToAddress(big.NewInt(0xb4))}, {ID: *uint256.NewInt(1), Recipient: common.BigToAddress(big.NewInt(0xff))}})
	require.ErrorIs(t, err, store.ErrGapExists)
	gs, err := s.Gaps()
	require.NoError(t, err)
	require.Len(t, gs, 3, "gap 4 was not stored")
}
