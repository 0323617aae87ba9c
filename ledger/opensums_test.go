package ledger_test

import (
	"encoding/json"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/ledger"
	"github.com/qf-dev/qf/round"
	"github.com/qf-dev/qf/store"
)

// projectedBoth returns the open round's projection from its statistics
// sums and from its rows, as JSON, and whether the sums were usable.
func projectedBoth(t *testing.T, s *store.Store, l *ledger.Ledger) (string, string, bool) {
	t.Helper()
	rp, _ := l.Tally()
	r := *rp
	gaps, err := s.Gaps()
	require.NoError(t, err)
	_, err = s.OpenSums(r, gaps)
	a, err2 := round.Projected(s, r, r.Config, nil)
	require.NoError(t, err2)
	b, err2 := round.FromStore(s, r, r.Config, nil)
	require.NoError(t, err2)
	ja, _ := json.Marshal(a.Report)
	jb, _ := json.Marshal(b.Report)
	return string(ja), string(jb), err == nil
}

// TestFundKeepsOpenSums: every fund keeps the open round's statistics
// sums up to date, so the service's projection costs O(gaps) and is the
// computation from the rows, byte for byte; the round a match opens keeps
// them from its first fund.
func TestFundKeepsOpenSums(t *testing.T) {
	s, l, _ := newLedger(t)
	defer s.Close()
	rng := rand.New(rand.NewPCG(21, 3))
	agents := []string{"alice", "bob", "carol"}
	for i := range 40 {
		_, _, err := l.Fund(ledger.FundRequest{Agent: agents[rng.IntN(3)], Gap: *u(uint64(1 + rng.IntN(2))), Amount: *u(1 + rng.Uint64N(40))})
		require.NoError(t, err)
		sums, rows, usable := projectedBoth(t, s, l)
		require.True(t, usable, "fund %d", i)
		require.Equal(t, rows, sums, "fund %d", i)
		if i == 20 {
			_, err := l.Match(nil, time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC), computeWith(s))
			require.NoError(t, err)
		}
	}
	r, _ := l.Tally()
	require.EqualValues(t, 2, r.Number)
}
