package ledger_test

import (
	"testing"
	"time"

	"github.com/holiman/uint256"
	"github.com/qf-dev/qf/ledger"
	"github.com/stretchr/testify/require"
)

// The lock-free view moves with every committed change and names the
// open round and the last match, as the store has them, also after a
// restart; a refused request moves nothing.
func TestViewFollowsChanges(t *testing.T) {
	s, l, dir := newLedger(t)
	at := time.Date(2026, 11, 23, 6, 0, 0, 0, time.UTC)
	type step struct {
		name      string
		do        func() error
		moves     bool
		open      uint64
		lastMatch uint64 // 0: none
	}
	steps := []step{
		{"fund", func() error {
			_, _, err := l.FundSync(ledger.FundRequest{Agent: "alice", Gap: *u(1), Amount: *u(10), Key: "k1"})
			return err
		}, true, 1, 0},
		{"replayed fund", func() error {
			_, _, err := l.FundSync(ledger.FundRequest{Agent: "alice", Gap: *u(1), Amount: *u(10), Key: "k1"})
			return err
		}, false, 1, 0},
		{"refused fund", func() error {
			if _, _, err := l.FundSync(ledger.FundRequest{Agent: "alice", Gap: *u(9), Amount: *u(10)}); err == nil {
				t.Fatal("an unknown gap was funded")
			}
			return nil
		}, false, 1, 0},
		{"credit", func() error { _, err := l.Credit(ledger.PoolAccount, u(5)); return err }, true, 1, 0},
		{"match", func() error { _, err := l.Match(u(10), at, computeWith(s)); return err }, true, 2, 1},
		{"fund in round 2", func() error {
			_, _, err := l.FundSync(ledger.FundRequest{Agent: "bob", Gap: *u(2), Amount: *u(10)})
			return err
		}, true, 2, 1},
		{"void", func() error { _, err := l.VoidRound(ledger.Origin{At: at}, 2); return err }, true, 3, 2},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			before := l.Version()
			require.NoError(t, st.do())
			if st.moves {
				require.Greater(t, l.Version(), before)
			} else {
				require.Equal(t, before, l.Version())
			}
			n, ok := l.OpenNumber()
			require.True(t, ok)
			require.Equal(t, st.open, n)
			m, ok := l.LastMatched()
			require.Equal(t, st.lastMatch != 0, ok)
			require.Equal(t, st.lastMatch, m)
			if ok {
				stored, _, err := ledger.LastMatchRound(s)
				require.NoError(t, err)
				require.Equal(t, stored, m)
			}
		})
	}
	require.NoError(t, s.Close())
	s = open(t, dir)
	defer func() { _ = s.Close() }()
	l, err := ledger.New(s)
	require.NoError(t, err)
	m, ok := l.LastMatched()
	require.True(t, ok, "reopened: the last match is read from the store")
	require.EqualValues(t, 2, m)
	n, ok := l.OpenNumber()
	require.True(t, ok)
	require.EqualValues(t, 3, n)
}

// GapFigures is Balance and GapTally under one lock.
func TestGapFigures(t *testing.T) {
	s, l, _ := newLedger(t)
	defer func() { _ = s.Close() }()
	for _, a := range []string{"alice", "bob", "alice"} {
		_, _, err := l.FundSync(ledger.FundRequest{Agent: a, Gap: *u(1), Amount: *u(7)})
		require.NoError(t, err)
	}
	for _, tc := range []struct {
		name                   string
		gap                    uint64
		escrow, direct, donors uint64
	}{{"funded", 1, 21, 21, 2}, {"not funded", 2, 0, 0, 0}} {
		t.Run(tc.name, func(t *testing.T) {
			esc, tally, err := l.GapFigures(u(tc.gap))
			require.NoError(t, err)
			require.Equal(t, tc.escrow, esc.Uint64())
			require.Equal(t, tc.direct, tally.Direct.Uint64())
			require.EqualValues(t, tc.donors, tally.Contributors)
			require.Equal(t, bal(t, l, ledger.EscrowAccount(u(tc.gap))), esc.Uint64())
			require.Equal(t, l.GapTally(u(tc.gap)), tally)
		})
	}
}

// A gap's version moves with each fund to it, not with a refused one or a
// credit; ids that differ only in high limbs fall in different stripes.
func TestGapVersion(t *testing.T) {
	s, l, _ := newLedger(t)
	defer func() { _ = s.Close() }()
	g1 := l.GapVersion(u(1))
	_, _, err := l.FundSync(ledger.FundRequest{Agent: "alice", Gap: *u(1), Amount: *u(3)})
	require.NoError(t, err)
	require.Equal(t, g1+1, l.GapVersion(u(1)), "funded")
	_, _, err = l.FundSync(ledger.FundRequest{Agent: "alice", Gap: *u(1), Amount: *u(1 << 40)})
	require.Error(t, err)
	_, err = l.Credit(ledger.PoolAccount, u(5))
	require.NoError(t, err)
	require.Equal(t, g1+1, l.GapVersion(u(1)), "a refused fund and a credit leave it")
	hi := new(uint256.Int).Lsh(u(1), 200)
	require.NotEqual(t, ledger.GapStripe(u(1)), ledger.GapStripe(hi))
	stripes := map[int]bool{}
	for g := range uint64(2000) {
		stripes[ledger.GapStripe(u(g))] = true
	}
	require.Greater(t, len(stripes), 1200, "2,000 consecutive ids spread over the stripes")
}
