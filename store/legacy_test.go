package store_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/ingest"
	"github.com/qf-dev/qf/record"
	"github.com/qf-dev/qf/round"
	"github.com/qf-dev/qf/store"
)

// TestBadRowFromBeforeCanBeVoided: a round holding a row written before
// write-time checks (a weight of -1) cannot be matched; imports say which
// row to void, and once it is voided the round computes and takes rows.
func TestBadRowFromBeforeCanBeVoided(t *testing.T) {
	s, err := store.Open(t.TempDir())
	require.NoError(t, err)
	defer s.Close()
	_, err = s.AddGaps([]calc.Gap{{ID: *uint256.NewInt(1), Recipient: common.BigToAddress(big.NewInt(0xb1))}})
	require.NoError(t, err)
	_, err = s.CreateRound(store.Round{Config: calc.Config{Mechanism: "qf", Pool: *uint256.NewInt(100)}})
	require.NoError(t, err)
	_, err = s.Import(1, func(add func(*record.Contribution) error) error {
		return add(&record.Contribution{ID: []byte("good"), Donor: []byte("alice"), Gap: *uint256.NewInt(1), Amount: *uint256.NewInt(5)})
	})
	require.NoError(t, err)
	bad := record.Contribution{Donor: []byte("bob"), Gap: *uint256.NewInt(1), Amount: *uint256.NewInt(5), Weight: []byte("-1"), Seq: 2}
	require.NoError(t, s.SetRaw(store.ContribKey(1, []byte("old")), store.EncodeContribution(&bad)))
	r, err := s.Round(1)
	require.NoError(t, err)
	r.Contributions++
	require.NoError(t, s.PutRoundRaw(r))

	compute := func() error {
		gaps, err := s.Gaps()
		require.NoError(t, err)
		_, err = round.Compute(round.Inputs{Gaps: gaps, Config: r.Config}, func(l *ingest.Loader) error { return s.EachContribution(1, l.Add) })
		return err
	}
	require.ErrorIs(t, compute(), calc.ErrWeight)
	more := func(add func(*record.Contribution) error) error {
		return add(&record.Contribution{ID: []byte("new"), Donor: []byte("carol"), Gap: *uint256.NewInt(1), Amount: *uint256.NewInt(5)})
	}
	_, err = s.Import(1, more)
	require.EqualError(t, err, `round 1's stored contribution "old" cannot be computed (weight: bad weight: "-1" is negative)`)

	_, err = s.VoidContribution(1, "old", "weight -1 stored by an older qf")
	require.NoError(t, err)
	require.NoError(t, compute())
	st, err := s.Import(1, more)
	require.NoError(t, err)
	require.Equal(t, 1, st.Added)
}
