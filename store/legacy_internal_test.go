package store

import (
	"math/big"
	"testing"

	"github.com/cockroachdb/pebble/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/ingest"
	"github.com/qf-dev/qf/round"
)

// TestBadRowFromBeforeCanBeVoided: a round holding a row written before
// write-time checks (a weight of -1) cannot be matched; imports say which
// row to void, and once it is voided the round computes and takes rows.
func TestBadRowFromBeforeCanBeVoided(t *testing.T) {
	s, err := Open(t.TempDir())
	require.NoError(t, err)
	defer s.Close()
	_, err = s.AddGaps([]calc.Gap{{ID: *uint256.NewInt(1), Recipient: common.BigToAddress(big.NewInt(0xb1))}})
	require.NoError(t, err)
	_, err = s.CreateRound(Round{Config: calc.Config{Mechanism: "qf", Pool: *uint256.NewInt(100)}})
	require.NoError(t, err)
	_, err = s.Import(1, func(add func(*ingest.Row) error) error {
		return add(&ingest.Row{ID: []byte("good"), Donor: []byte("alice"), Gap: *uint256.NewInt(1), Amount: *uint256.NewInt(5)})
	})
	require.NoError(t, err)
	bad := ingest.Row{Donor: []byte("bob"), Gap: *uint256.NewInt(1), Amount: *uint256.NewInt(5), Weight: []byte("-1"), Seq: 2}
	require.NoError(t, s.db.Set(contribKey(1, []byte("old")), encodeContribution(&bad), pebble.Sync))
	r, err := s.Round(1)
	require.NoError(t, err)
	r.Contributions++
	require.NoError(t, s.putRound(nil, r))

	compute := func() error {
		gaps, err := s.Gaps()
		require.NoError(t, err)
		_, err = round.Compute(round.Inputs{Gaps: gaps, Config: r.Config}, func(l *ingest.Loader) error { return s.EachContribution(1, l.Add) })
		return err
	}
	require.ErrorIs(t, compute(), calc.ErrWeight)
	more := func(add func(*ingest.Row) error) error {
		return add(&ingest.Row{ID: []byte("new"), Donor: []byte("carol"), Gap: *uint256.NewInt(1), Amount: *uint256.NewInt(5)})
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
