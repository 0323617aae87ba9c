package store_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/record"
	"github.com/qf-dev/qf/store"
)

// TestEachStoredOverManyBatches reads a round of several read batches
// (2048 records each) back in id order, voids marked, and stops at the
// caller's first error.
func TestEachStoredOverManyBatches(t *testing.T) {
	s, _ := setup(t)
	defer s.Close()
	const n = 5000
	rows := make([]*record.Contribution, n)
	var ids []string
	for i := range rows {
		id := fmt.Sprintf("r%d", i)
		rows[i] = row(id, fmt.Sprintf("donor%d", i%97), uint64(1+i%2), uint64(1+i))
		ids = append(ids, id)
	}
	_, err := s.Import(1, feed(rows...))
	require.NoError(t, err)
	for _, id := range []string{"r0", "r2048", "r4999"} {
		_, err := s.VoidContribution(1, id, "test "+id)
		require.NoError(t, err)
	}
	slices.Sort(ids)

	t.Run("every row in id order", func(t *testing.T) {
		var got []string
		voided := map[string]string{}
		require.NoError(t, s.EachStored(1, func(r *record.Contribution, v *store.Void) error {
			got = append(got, string(r.ID))
			var i int
			_, err := fmt.Sscanf(string(r.ID), "r%d", &i)
			require.NoError(t, err)
			require.Equal(t, fmt.Sprintf("donor%d", i%97), string(r.Donor), "row %s", r.ID)
			require.Equal(t, uint64(1+i), r.Amount.Uint64(), "row %s", r.ID)
			if v != nil {
				voided[string(r.ID)] = v.Reason
			}
			return nil
		}))
		require.Equal(t, ids, got)
		require.Equal(t, map[string]string{"r0": "test r0", "r2048": "test r2048", "r4999": "test r4999"}, voided)
	})
	t.Run("counted rows leave the voids out", func(t *testing.T) {
		require.Equal(t, n-3, count(t, s, 1))
	})
	t.Run("the caller's error stops the read", func(t *testing.T) {
		stop := errors.New("enough")
		calls := 0
		err := s.EachStored(1, func(*record.Contribution, *store.Void) error {
			if calls++; calls == 3000 {
				return stop
			}
			return nil
		})
		require.ErrorIs(t, err, stop)
		require.Equal(t, 3000, calls)
	})
	t.Run("a damaged record in a later batch", func(t *testing.T) {
		require.NoError(t, s.SetRaw(store.ContribKey(1, []byte("r9999")), []byte{0xff}))
		calls := 0
		err := s.EachStored(1, func(*record.Contribution, *store.Void) error { calls++; return nil })
		require.EqualError(t, err, `round 1 contribution "r9999": damaged contribution record`)
		require.Equal(t, n, calls, "every row before it")
	})
}
