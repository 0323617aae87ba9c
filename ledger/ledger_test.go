package ledger_test

import (
	"sync"
	"testing"
	"time"

	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/ledger"
	"github.com/qf-dev/qf/round"
	"github.com/qf-dev/qf/store"
)

func u(x uint64) *uint256.Int { return uint256.NewInt(x) }

func computeWith(s *store.Store) store.Compute { return round.LedgerCompute(s) }

func newLedger(t *testing.T) (*store.Store, *ledger.Ledger, string) {
	s, dir := setup(t) // gaps 1 and 2, round 1 open
	l, err := ledger.New(s)
	require.NoError(t, err)
	for _, a := range []string{"alice", "bob", "carol"} {
		_, _, err := s.AddAgent(a, false)
		require.NoError(t, err)
		_, err = l.Credit(ledger.AgentAccount(a), u(1000))
		require.NoError(t, err)
	}
	_, err = l.Credit(ledger.PoolAccount, u(10000))
	require.NoError(t, err)
	return s, l, dir
}

func bal(t *testing.T, l *ledger.Ledger, acct string) uint64 {
	b, err := l.Balance(acct)
	require.NoError(t, err)
	return b.Uint64()
}

func TestLedgerFundMovesAndRecords(t *testing.T) {
	s, l, _ := newLedger(t)
	defer s.Close()
	rc, replay, err := l.FundSync(ledger.FundRequest{Agent: "alice", Gap: *u(1), Amount: *u(300), Key: "k1"})
	require.NoError(t, err)
	require.False(t, replay)
	require.Equal(t, ledger.Receipt{ID: "api:alice:k1", Round: 1, Gap: "1", Agent: "alice", Amount: uint256.MustFromDecimal("300"), Balance: uint256.MustFromDecimal("700"), Escrow: uint256.MustFromDecimal("300")}, rc)
	require.EqualValues(t, 700, bal(t, l, "agent:alice"))
	require.EqualValues(t, 300, bal(t, l, "gap:1"))

	// A retry with the same key moves nothing and returns the same receipt.
	again, replay, err := l.FundSync(ledger.FundRequest{Agent: "alice", Gap: *u(1), Amount: *u(300), Key: "k1"})
	require.NoError(t, err)
	require.True(t, replay)
	require.Equal(t, rc, again)
	require.EqualValues(t, 700, bal(t, l, "agent:alice"))
	// The same key for another request is refused; keys are per agent.
	_, _, err = l.FundSync(ledger.FundRequest{Agent: "alice", Gap: *u(2), Amount: *u(300), Key: "k1"})
	require.ErrorIs(t, err, ledger.ErrIdempotencyConflict)
	_, _, err = l.FundSync(ledger.FundRequest{Agent: "bob", Gap: *u(1), Amount: *u(100), Key: "k1"})
	require.NoError(t, err)

	// Twice to one gap in a round: one contributor with the sum.
	_, _, err = l.FundSync(ledger.FundRequest{Agent: "alice", Gap: *u(1), Amount: *u(50)})
	require.NoError(t, err)
	r, tally := l.Tally()
	require.EqualValues(t, 1, r.Number)
	require.Equal(t, 3, r.Contributions)
	require.Equal(t, ledger.GapTally{Direct: *u(450), Contributors: 2}, tally[*u(1)])
	require.Equal(t, 3, count(t, s, 1))
	_, err = l.Check()
	require.NoError(t, err)
}

func TestLedgerRefusesAndMovesNothing(t *testing.T) {
	s, l, _ := newLedger(t)
	defer s.Close()
	for _, tc := range []struct {
		name string
		req  ledger.FundRequest
		err  error
	}{
		{"overdraft", ledger.FundRequest{Agent: "alice", Gap: *u(1), Amount: *u(1001)}, ledger.ErrInsufficient},
		{"zero", ledger.FundRequest{Agent: "alice", Gap: *u(1), Amount: *u(0)}, calc.ErrAmount},
		{"unknown gap", ledger.FundRequest{Agent: "alice", Gap: *u(9), Amount: *u(1)}, calc.ErrUnknownGap},
		{"no such agent", ledger.FundRequest{Agent: "dave", Gap: *u(1), Amount: *u(1)}, ledger.ErrInsufficient},
		{"bad agent", ledger.FundRequest{Agent: "Dave!", Gap: *u(1), Amount: *u(1)}, store.ErrAgentName},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := l.FundSync(tc.req)
			require.ErrorIs(t, err, tc.err)
			require.EqualValues(t, 1000, bal(t, l, "agent:alice"))
			require.Zero(t, bal(t, l, "gap:1"))
			require.Zero(t, count(t, s, 1))
		})
	}
	_, err := l.Check()
	require.NoError(t, err)
}

// Concurrent funding never overdraws: of 40 requests of 100 against a
// balance of 1000 exactly 10 succeed.
func TestLedgerConcurrentNoOverdraft(t *testing.T) {
	s, l, _ := newLedger(t)
	defer s.Close()
	var wg sync.WaitGroup
	var mu sync.Mutex
	ok := 0
	for range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _, err := l.FundSync(ledger.FundRequest{Agent: "bob", Gap: *u(2), Amount: *u(100)})
			mu.Lock()
			defer mu.Unlock()
			if err == nil {
				ok++
			} else {
				require.ErrorIs(t, err, ledger.ErrInsufficient)
			}
		}()
	}
	wg.Wait()
	require.Equal(t, 10, ok)
	require.Zero(t, bal(t, l, "agent:bob"))
	require.EqualValues(t, 1000, bal(t, l, "gap:2"))
	_, err := l.Check()
	require.NoError(t, err)
}

func TestLedgerMatchPaysEscrowsAndOpensNext(t *testing.T) {
	s, l, dir := newLedger(t)
	defer func() { _ = s.Close() }()
	// Gap 1: alice 100 + bob 100 → (10+10)² − 200 = 200; gap 2: carol 400 → 0.
	for _, f := range []ledger.FundRequest{
		{Agent: "alice", Gap: *u(1), Amount: *u(100)},
		{Agent: "bob", Gap: *u(1), Amount: *u(100)},
		{Agent: "carol", Gap: *u(2), Amount: *u(400)},
	} {
		_, _, err := l.FundSync(f)
		require.NoError(t, err)
	}
	at := time.Date(2026, 11, 23, 6, 0, 0, 0, time.UTC)
	rec, err := l.Match(u(3000), at, computeWith(s))
	require.NoError(t, err)
	require.Equal(t, "3000", rec.Pool.Dec(), "the configured size, under the pool's balance")
	require.Equal(t, "3000", rec.Matched.Dec())
	require.Equal(t, 1, rec.GapsFunded)
	require.Equal(t, []ledger.MatchRecordGap{{Gap: "1", Direct: uint256.MustFromDecimal("200"), Match: uint256.MustFromDecimal("3000")}, {Gap: "2", Direct: uint256.MustFromDecimal("400"), Match: uint256.MustFromDecimal("0")}}, rec.Gaps)
	require.EqualValues(t, 7000, bal(t, l, "pool"))
	require.EqualValues(t, 3200, bal(t, l, "gap:1"))
	require.EqualValues(t, 400, bal(t, l, "gap:2"))
	r1, err := s.Round(1)
	require.NoError(t, err)
	require.Equal(t, store.StatusClosed, r1.Status)
	require.Equal(t, rec.Root, r1.Root.Hex())
	cur, _ := l.Tally()
	require.EqualValues(t, 2, cur.Number)
	require.Equal(t, store.StatusOpen, cur.Status)
	st, ok, err := l.Schedule()
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, at, st.LastMatch)

	// Round 2 with the whole pool (size nil); then everything survives a reopen.
	_, _, err = l.FundSync(ledger.FundRequest{Agent: "alice", Gap: *u(2), Amount: *u(9)})
	require.NoError(t, err)
	rec, err = l.Match(nil, at.Add(time.Hour), computeWith(s))
	require.NoError(t, err)
	require.Equal(t, "7000", rec.Pool.Dec())
	require.NoError(t, s.Close())
	s = open(t, dir)
	l, err = ledger.New(s)
	require.NoError(t, err)
	rep, err := l.Check()
	require.NoError(t, err)
	require.Equal(t, "13000", rep.Supply)
	recs, err := l.MatchRecords()
	require.NoError(t, err)
	require.Len(t, recs, 2)
	cur, _ = l.Tally()
	require.EqualValues(t, 3, cur.Number)
}

// Check catches a balance changed behind the ledger's back.
func TestLedgerCheckCatchesTampering(t *testing.T) {
	s, l, dir := newLedger(t)
	_, _, err := l.FundSync(ledger.FundRequest{Agent: "alice", Gap: *u(1), Amount: *u(10)})
	require.NoError(t, err)
	require.NoError(t, s.Close())
	s = open(t, dir)
	defer s.Close()
	// An import outside the ledger with an api: id claims escrow that was never moved.
	_, err = s.Import(1, feed(row("api:forged", "mallory", 1, 5)))
	require.NoError(t, err)
	l, err = ledger.New(s)
	require.NoError(t, err)
	_, err = l.Check()
	require.ErrorIs(t, err, ledger.ErrLedger)
	require.EqualError(t, err, "ledger inconsistent: round 1: contribution api:forged (mallory gave 5 to gap 1) has no journal entry: it was not funded through the ledger (written directly, not by a fund?); remove it or void the round")
}

func TestAgentsAndKeys(t *testing.T) {
	s, _ := setup(t)
	defer s.Close()
	a, key, err := s.AddAgent("alice", false)
	require.NoError(t, err)
	require.Regexp(t, `^alice\.[0-9a-f]{64}$`, key)
	require.NotContains(t, a.KeyHash, key[6:], "only the hash is kept")
	_, _, err = s.AddAgent("alice", true)
	require.ErrorIs(t, err, store.ErrAgentExists)
	_, _, err = s.AddAgent("Alice", false)
	require.ErrorIs(t, err, store.ErrAgentName)
	_, admKey, err := s.AddAgent("ops", true)
	require.NoError(t, err)
	agents, err := s.Agents()
	require.NoError(t, err)
	byName := map[string]store.Agent{}
	for _, a := range agents {
		byName[a.Name] = a
	}
	lookup := func(name string) (store.Agent, bool) { a, ok := byName[name]; return a, ok }
	got, err := store.Authenticate(lookup, key)
	require.NoError(t, err)
	require.Equal(t, "alice", got.Name)
	got, err = store.Authenticate(lookup, admKey)
	require.NoError(t, err)
	require.True(t, got.Admin)
	for _, bad := range []string{"", "alice", "alice.", key + "0", "ops" + key[5:], "bob" + key[5:], key[:len(key)-1] + "x"} {
		_, err := store.Authenticate(lookup, bad)
		require.ErrorIs(t, err, store.ErrBadKey, bad)
	}
}

func TestValidAccount(t *testing.T) {
	for _, ok := range []string{"pool", "agent:a-b_c", "gap:0", "gap:12"} {
		require.NoError(t, ledger.ValidAccount(ok), ok)
	}
	for _, bad := range []string{"", "pools", "agent:", "agent:A", "gap:", "gap:x", "gap:012", "gap:-1"} {
		require.Error(t, ledger.ValidAccount(bad), bad)
	}
}
