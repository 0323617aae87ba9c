package service

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
	"testing"

	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/ledger"
	"github.com/qf-dev/qf/round"
)

// A gap's reply assembled from its head and its cached matches' tail is
// byte for byte the whole GapFunding encoded by writeJSON, as before the
// cache.
func TestGapBodyIsTheEncoding(t *testing.T) {
	u := uint256.NewInt
	m := func(r uint64, direct, match uint64) ledger.GapMatch {
		return ledger.GapMatch{Round: r, MatchRecordGap: ledger.MatchRecordGap{Gap: "7", Direct: u(direct), Match: u(match)}}
	}
	cqf := ledger.GapMatch{Round: 4, MatchRecordGap: ledger.MatchRecordGap{Gap: "7", Direct: u(9), Match: u(0), Paid: u(5), Refunded: u(4)}}
	for _, tc := range []struct {
		name    string
		head    gapHead
		matches []ledger.GapMatch
		more    bool
	}{
		{"no match yet", gapHead{Gap: "7", Recipient: "0x00000000000000000000000000000000000000B7", Escrow: "0", Round: 1, Direct: "0", ProjectedMatch: "0"}, nil, false},
		{"funded with past matches", gapHead{Gap: "7", Recipient: "0xAb", Escrow: "120", Round: 9, Direct: "20", Contributors: 2, ProjectedMatch: "33"},
			[]ledger.GapMatch{m(1, 10, 5), m(3, 1, 0)}, false},
		{"a page with more after it", gapHead{Gap: "7", Escrow: "1", Round: 12, Direct: "0", ProjectedMatch: "0"}, []ledger.GapMatch{m(1, 10, 5), m(2, 3, 4)}, true},
		{"cqf pledges and a cqf match", gapHead{Gap: "7", Escrow: "9", Round: 5, Direct: "9", Contributors: 1, ProjectedMatch: "5",
			Pledges: []round.CQFPledgeOut{{Donor: "a0", Limit: u(9), Sigma: "1", Pay: u(5), Refund: u(4), Leverage: 1.8}}}, []ledger.GapMatch{cqf}, false},
		{"html in a string", gapHead{Gap: "<&>", ProjectedMatch: "0"}, nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tail, err := matchesTail(tc.matches, tc.more)
			require.NoError(t, err)
			got, err := gapBody(tc.head, tail)
			require.NoError(t, err)
			want := GapFunding{Gap: tc.head.Gap, Recipient: tc.head.Recipient, Escrow: tc.head.Escrow, Round: tc.head.Round, Direct: tc.head.Direct,
				Contributors: tc.head.Contributors, ProjectedMatch: tc.head.ProjectedMatch, Pledges: tc.head.Pledges, Matches: []PastMatch{}}
			for _, g := range tc.matches {
				want.Matches = append(want.Matches, PastMatch{Round: g.Round, Direct: g.Direct, Match: g.Match, Paid: g.Paid, Refunded: g.Refunded})
			}
			if tc.more {
				want.NextAfter = "2"
			}
			rec := httptest.NewRecorder()
			writeJSON(rec, 200, want)
			require.Equal(t, rec.Body.String(), string(got))
			require.True(t, json.Valid(bytes.TrimSpace(got)))
		})
	}
}

// The cache keeps the most recently used replies within its bound in
// bytes: a new entry pushes out the least recently used, a replaced one
// is counted once, one larger than the bound is not kept.
func TestReadCacheBound(t *testing.T) {
	key := func(g uint64) readKey { return readKey{kind: readGap, gap: *uint256.NewInt(g), limit: 100} }
	entry := func(g uint64, n int) *readEntry { return &readEntry{key: key(g), body: make([]byte, n)} }
	per := entry(0, 100).size()
	c := newReadCache(3 * per)
	for g := range uint64(3) {
		c.put(entry(g, 100))
	}
	n, b := c.usage()
	require.Equal(t, [2]int{3, 3 * per}, [2]int{n, b})
	t.Run("least recently used out first", func(t *testing.T) {
		require.NotNil(t, c.get(key(0))) // 0 is now the most recent; 1 the least
		c.put(entry(3, 100))
		require.Nil(t, c.get(key(1)))
		for _, g := range []uint64{0, 2, 3} {
			require.NotNil(t, c.get(key(g)), "gap %d", g)
		}
	})
	t.Run("replaced entry counted once", func(t *testing.T) {
		c.put(entry(3, 100))
		n, b := c.usage()
		require.Equal(t, [2]int{3, 3 * per}, [2]int{n, b})
	})
	t.Run("larger than the bound: not kept", func(t *testing.T) {
		c.put(entry(9, 4*per))
		require.Nil(t, c.get(key(9)))
		n, b := c.usage()
		require.Equal(t, [2]int{3, 3 * per}, [2]int{n, b})
	})
	t.Run("a smaller bound drops entries", func(t *testing.T) {
		c.setMax(per + 1)
		n, b := c.usage()
		require.Equal(t, [2]int{1, per}, [2]int{n, b})
	})
}
