package store_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/store"
)

// The registry keeps each gap's optional Allo recipientId on disk; a gap
// registered without one reads back without one; a different recipientId
// is a different registration (refused, nothing stored) until qf gap set.
func TestGapRecipientID(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir)
	a := func(b int64) common.Address { return common.BigToAddress(big.NewInt(b)) }
	g := func(id uint64, rcpt, rid common.Address) calc.Gap {
		return calc.Gap{ID: *uint256.NewInt(id), Recipient: rcpt, RecipientID: rid}
	}
	n, err := s.AddGaps([]calc.Gap{g(1, a(0xb1), a(0xa1)), g(2, a(0xb2), common.Address{})})
	require.NoError(t, err)
	require.Equal(t, 2, n)
	require.NoError(t, s.Close())

	s = open(t, dir)
	defer s.Close()
	t.Run("read back after reopening", func(t *testing.T) {
		gs, err := s.Gaps()
		require.NoError(t, err)
		require.Equal(t, []calc.Gap{g(1, a(0xb1), a(0xa1)), g(2, a(0xb2), common.Address{})}, gs)
		one, ok, err := s.Gap(uint256.NewInt(1))
		require.NoError(t, err)
		require.True(t, ok)
		require.Equal(t, g(1, a(0xb1), a(0xa1)), one)
	})
	t.Run("same registration again is a no-op", func(t *testing.T) {
		n, err := s.AddGaps([]calc.Gap{g(1, a(0xb1), a(0xa1)), g(2, a(0xb2), common.Address{})})
		require.NoError(t, err)
		require.Zero(t, n)
	})
	refused := []struct {
		name string
		gap  calc.Gap
		err  string
	}{
		{"other recipientId", g(1, a(0xb1), a(0xa9)),
			"gap already registered: gap 1 is registered to " + a(0xb1).Hex() + " (recipientId " + a(0xa1).Hex() + "), not " + a(0xb1).Hex() + " (recipientId " + a(0xa9).Hex() + "): only its recipientId differs"},
		{"recipientId dropped", g(1, a(0xb1), common.Address{}),
			"gap already registered: gap 1 is registered to " + a(0xb1).Hex() + " (recipientId " + a(0xa1).Hex() + "), not " + a(0xb1).Hex() + " (no recipientId): only its recipientId differs"},
		{"recipientId added", g(2, a(0xb2), a(0xa2)),
			"gap already registered: gap 2 is registered to " + a(0xb2).Hex() + " (no recipientId), not " + a(0xb2).Hex() + " (recipientId " + a(0xa2).Hex() + "): only its recipientId differs"},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.AddGaps([]calc.Gap{g(5, a(0xb5), a(0xa5)), tc.gap})
			require.ErrorIs(t, err, store.ErrGapExists)
			require.EqualError(t, err, tc.err)
			_, ok, err := s.Gap(uint256.NewInt(5))
			require.NoError(t, err)
			require.False(t, ok, "nothing stored")
		})
	}
	t.Run("set changes the recipientId", func(t *testing.T) {
		prev, err := s.SetGap(g(2, a(0xb2), a(0xa2)))
		require.NoError(t, err)
		require.Equal(t, g(2, a(0xb2), common.Address{}), prev)
		got, _, err := s.Gap(uint256.NewInt(2))
		require.NoError(t, err)
		require.Equal(t, a(0xa2), got.RecipientID)
		prev, err = s.SetGap(g(2, a(0xb2), common.Address{}))
		require.NoError(t, err)
		require.Equal(t, a(0xa2), prev.RecipientID)
		got, _, err = s.Gap(uint256.NewInt(2))
		require.NoError(t, err)
		require.Equal(t, common.Address{}, got.RecipientID, "removed")
	})
}
