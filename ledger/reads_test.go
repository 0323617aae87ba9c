package ledger_test

import (
	"testing"
	"time"

	"github.com/qf-dev/qf/ledger"

	"github.com/stretchr/testify/require"
)

// The per-gap index of past matches: built from where it stopped, read a
// page at a time, per gap; the other reads answer without the tally.
func TestMatchIndexAndReads(t *testing.T) {
	s, l, _ := newLedger(t)
	defer func() { _ = s.Close() }()
	_, ok, err := ledger.LastMatchRound(s)
	require.NoError(t, err)
	require.False(t, ok, "no match yet")
	reads := 0
	read := func() { reads++ }
	done, err := ledger.IndexMatches(s, read)
	require.NoError(t, err)
	require.Zero(t, done)

	at := time.Date(2026, 11, 23, 6, 0, 0, 0, time.UTC)
	matchRound := func(gaps ...uint64) {
		for _, g := range gaps {
			_, _, err := l.FundSync(ledger.FundRequest{Agent: "alice", Gap: *u(g), Amount: *u(10)})
			require.NoError(t, err)
		}
		_, err := l.Match(u(10), at, computeWith(s))
		require.NoError(t, err)
	}
	matchRound(1, 2) // round 1
	matchRound(1)    // round 2
	done, err = ledger.IndexMatches(s, read)
	require.NoError(t, err)
	require.EqualValues(t, 2, done)
	require.Equal(t, 2, reads)
	matchRound(2) // round 3
	matchRound(1) // round 4
	done, err = ledger.IndexMatches(s, read)
	require.NoError(t, err)
	require.EqualValues(t, 4, done)
	require.Equal(t, 4, reads, "only the two new records are read")
	done, err = ledger.IndexMatches(s, read)
	require.NoError(t, err)
	require.EqualValues(t, 4, done)
	require.Equal(t, 4, reads, "nothing new: nothing read")

	n, ok, err := ledger.LastMatchRound(s)
	require.NoError(t, err)
	require.True(t, ok)
	require.EqualValues(t, 4, n)
	rec, ok, err := ledger.ReadMatchRecord(s, 3)
	require.NoError(t, err)
	require.True(t, ok)
	require.EqualValues(t, 3, rec.Round)
	_, ok, err = ledger.ReadMatchRecord(s, 9)
	require.NoError(t, err)
	require.False(t, ok)

	rounds := func(ms []ledger.GapMatch) []uint64 {
		var out []uint64
		for _, m := range ms {
			out = append(out, m.Round)
		}
		return out
	}
	// Every registered gap has a line in every match record (direct 0 when
	// nobody funded it).
	for _, tc := range []struct {
		name       string
		gap, after uint64
		limit      int
		want       []uint64
		direct     []string
		more       bool
	}{
		{"gap 1, all", 1, 0, 10, []uint64{1, 2, 3, 4}, []string{"10", "10", "0", "10"}, false},
		{"gap 1, first page", 1, 0, 2, []uint64{1, 2}, []string{"10", "10"}, true},
		{"gap 1, next page", 1, 2, 2, []uint64{3, 4}, []string{"0", "10"}, false},
		{"gap 1, the last", 1, 3, 2, []uint64{4}, []string{"10"}, false},
		{"gap 2", 2, 0, 10, []uint64{1, 2, 3, 4}, []string{"10", "0", "10", "0"}, false},
		{"gap 2 after its last", 2, 4, 10, nil, nil, false},
		{"a gap not registered", 7, 0, 10, nil, nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ms, more, err := ledger.GapMatches(s, u(tc.gap), tc.after, tc.limit)
			require.NoError(t, err)
			require.Equal(t, tc.want, rounds(ms))
			require.Equal(t, tc.more, more)
			for i, m := range ms {
				require.Equal(t, u(tc.gap).Dec(), m.Gap)
				require.Equal(t, tc.direct[i], m.Direct.Dec(), "round %d", m.Round)
			}
		})
	}

	g, ok, err := s.Gap(u(2))
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, "2", g.ID.Dec())
	_, ok, err = s.Gap(u(9))
	require.NoError(t, err)
	require.False(t, ok)

	_, _, err = l.FundSync(ledger.FundRequest{Agent: "bob", Gap: *u(2), Amount: *u(5)})
	require.NoError(t, err)
	_, _, err = l.FundSync(ledger.FundRequest{Agent: "carol", Gap: *u(2), Amount: *u(6)})
	require.NoError(t, err)
	open, ok := l.Open()
	require.True(t, ok)
	require.EqualValues(t, 5, open.Number)
	require.Equal(t, 2, open.Contributions)
	gt := l.GapTally(u(2))
	require.Equal(t, "11", gt.Direct.Dec())
	require.Equal(t, 2, gt.Contributors)
	require.Zero(t, l.GapTally(u(1)).Contributors)
}
