package store_test

import (
	"testing"

	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/record"
	"github.com/qf-dev/qf/round"
	"github.com/qf-dev/qf/store"
)

// TestRecordsWithoutSequence: contribution records written before arrival
// sequences were kept (content only) still decode, with Seq 0, and take
// their join order from their ids, ahead of sequenced ones; a record with
// a damaged sequence tail is an error, not a silent 0.
func TestRecordsWithoutSequence(t *testing.T) {
	s, err := store.Open(t.TempDir())
	require.NoError(t, err)
	defer s.Close()
	_, err = s.CreateRound(store.Round{Number: 1, Config: calc.Config{Mechanism: calc.CQFName, Params: calc.Params{"sigma": "1"}}})
	require.NoError(t, err)
	put := func(id string, v []byte) {
		require.NoError(t, s.SetRaw(store.ContribKey(1, []byte(id)), v))
	}
	r := record.Contribution{Donor: []byte("0x0000000000000000000000000000000000000001"), Gap: *uint256.NewInt(1), Amount: *uint256.NewInt(7)}
	put("b", store.EncodeContent(&r))
	put("a", store.EncodeContent(&r))
	r.Seq = 300 // a multi-byte varint
	put("0", store.EncodeContribution(&r))

	var got []record.Contribution
	require.NoError(t, s.EachContribution(1, func(r *record.Contribution) error {
		got = append(got, record.Contribution{ID: append([]byte(nil), r.ID...), Seq: r.Seq, Amount: r.Amount})
		return nil
	}))
	require.Len(t, got, 3)
	require.Equal(t, uint64(300), got[0].Seq)
	require.Zero(t, got[1].Seq)
	require.Equal(t, "7", got[2].Amount.Dec())

	ps, err := round.StoredPledges(s, 1)
	require.NoError(t, err)
	require.Equal(t, []string{"a", "b", "0"}, []string{ps[0].ID, ps[1].ID, ps[2].ID}, "unsequenced (old) records first, by id")

	bad := append(store.EncodeContent(&r), 0x80) // a varint that never ends
	put("c", bad)
	require.ErrorIs(t, s.EachContribution(1, func(*record.Contribution) error { return nil }), store.ErrBadRecord)
	put("c", append(store.EncodeContent(&r), 0)) // sequence 0 is never written
	require.ErrorIs(t, s.EachContribution(1, func(*record.Contribution) error { return nil }), store.ErrBadRecord)
}
