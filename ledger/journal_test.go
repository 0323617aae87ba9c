package ledger_test

import (
	"encoding/binary"
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/qf-dev/qf/ledger"

	"github.com/cockroachdb/pebble/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/round"
	"github.com/qf-dev/qf/store"
)

// ledgerWith is a ledger over gaps 1 and 2 whose open round 1 has cfg,
// with agents alice, bob and carol holding each and an admin ops.
func ledgerWith(t *testing.T, cfg calc.Config, each *uint256.Int) (*store.Store, *ledger.Ledger, string) {
	t.Helper()
	dir := t.TempDir()
	s := open(t, dir)
	_, err := s.AddGaps([]calc.Gap{{ID: *u(1), Recipient: common.BigToAddress(big.NewInt(0xb1))}, {ID: *u(2), Recipient: common.BigToAddress(big.NewInt(0xb2))}})
	require.NoError(t, err)
	_, err = s.CreateRound(store.Round{Config: cfg, Name: "service"})
	require.NoError(t, err)
	l, err := ledger.New(s)
	require.NoError(t, err)
	for _, a := range []string{"alice", "bob", "carol"} {
		_, _, err := s.AddAgent(a, false)
		require.NoError(t, err)
		_, err = l.Credit(ledger.AgentAccount(a), each)
		require.NoError(t, err)
	}
	_, _, err = s.AddAgent("ops", true)
	require.NoError(t, err)
	_, err = l.Credit(ledger.PoolAccount, u(10000))
	require.NoError(t, err)
	return s, l, dir
}

func journal(t *testing.T, s *store.Store) []ledger.JournalEntry {
	t.Helper()
	var out []ledger.JournalEntry
	require.NoError(t, ledger.Journal(s, 0, func(e ledger.JournalEntry) bool { out = append(out, e); return true }))
	return out
}

func supply(t *testing.T, l *ledger.Ledger) string {
	t.Helper()
	rep, err := l.Check()
	require.NoError(t, err)
	return rep.Supply
}

// Credits go only to the pool and to existing, unrevoked, non-admin
// agents: escrows move only through fund and match.
func TestCreditOnlyToPoolAndAgents(t *testing.T) {
	s, l, _ := ledgerWith(t, calc.Config{Mechanism: "qf"}, u(1000))
	defer s.Close()
	_, _, err := s.AddAgent("gone", false)
	require.NoError(t, err)
	_, err = s.RevokeAgent("gone")
	require.NoError(t, err)
	for _, tc := range []struct{ name, account, err string }{
		{"an escrow", "gap:1", `bad account name: "gap:1": escrows move only through fund and match; credit pool or agent:NAME`},
		{"an unknown gap's escrow", "gap:999", `bad account name: "gap:999": escrows move only through fund and match; credit pool or agent:NAME`},
		{"no such agent", "agent:ghost", `bad account name: "agent:ghost": no such agent`},
		{"an admin", "agent:ops", `bad account name: "agent:ops" is an admin: admin keys hold no tokens; credit an agent`},
		{"a revoked agent", "agent:gone", `bad account name: "agent:gone": the agent was revoked`},
		{"a malformed account", "treasury", `bad account name: "treasury": want pool, agent:NAME or gap:ID`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := len(journal(t, s))
			_, err := l.Credit(tc.account, u(5))
			require.ErrorIs(t, err, ledger.ErrAccount)
			require.EqualError(t, err, tc.err)
			require.Equal(t, "13000", supply(t, l), "nothing minted")
			require.Len(t, journal(t, s), before, "nothing journaled")
		})
	}
	for _, ok := range []string{"pool", "agent:alice"} {
		t.Run("credits "+ok, func(t *testing.T) {
			_, err := l.CreditFrom(ledger.Origin{Key: "ops", Request: "r-" + ok}, ok, u(5))
			require.NoError(t, err)
			e := journal(t, s)
			last := e[len(e)-1]
			require.Equal(t, ledger.JournalCredit, last.Kind)
			require.Equal(t, ok, last.To)
			require.Equal(t, "", last.From)
			require.Equal(t, "ops", last.Key)
			require.Equal(t, "r-"+ok, last.Request)
		})
	}
}

// Every credit, fund, match, refund and void is journaled, with who asked,
// the request and the time, and the journal replays to every balance.
func TestJournalRecordsEveryMove(t *testing.T) {
	s, l, _ := ledgerWith(t, calc.Config{Mechanism: "qf"}, u(1000))
	defer s.Close()
	at := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	_, _, err := l.FundSync(ledger.FundRequest{Agent: "alice", Gap: *u(1), Amount: *u(100), Key: "k1", Request: "req-1", At: at})
	require.NoError(t, err)
	_, _, err = l.FundSync(ledger.FundRequest{Agent: "bob", Gap: *u(1), Amount: *u(50), At: at})
	require.NoError(t, err)
	_, err = l.MatchOn(u(3000), ledger.Origin{Key: "scheduler", At: at.Add(time.Hour)}, round.LedgerCompute)
	require.NoError(t, err)
	_, _, err = l.FundSync(ledger.FundRequest{Agent: "carol", Gap: *u(2), Amount: *u(70), At: at})
	require.NoError(t, err)
	_, err = l.VoidRound(ledger.Origin{Key: "ops", At: at.Add(2 * time.Hour)}, 2)
	require.NoError(t, err)

	var got []string
	for _, e := range journal(t, s) {
		got = append(got, e.Kind+" "+e.From+" "+e.To+" "+e.Amount+" "+e.Key+" "+e.Request)
	}
	require.Equal(t, []string{
		"credit  agent:alice 1000 cli ", "credit  agent:bob 1000 cli ", "credit  agent:carol 1000 cli ", "credit  pool 10000 cli ",
		"fund agent:alice gap:1 100 alice req-1",
		"fund agent:bob gap:1 50 bob ",
		"match pool gap:1 3000 scheduler ",
		"fund agent:carol gap:2 70 carol ",
		"void gap:2 agent:carol 70 ops ",
	}, got)
	e := journal(t, s)
	require.Equal(t, "api:alice:k1", e[4].Contribution)
	require.Equal(t, at, e[4].At)
	require.EqualValues(t, 1, e[4].Round)
	require.EqualValues(t, 2, e[8].Round)
	for i, x := range e {
		require.EqualValues(t, i+1, x.Seq)
	}
	rep, err := l.Check()
	require.NoError(t, err)
	require.Equal(t, 9, rep.Entries)
	require.Equal(t, 3, rep.Contributions)
	require.EqualValues(t, 1000, bal(t, l, "agent:carol"), "the void refunded carol")
	r2, err := s.Round(2)
	require.NoError(t, err)
	require.Equal(t, store.StatusVoid, r2.Status)
	cur, _ := l.Tally()
	require.EqualValues(t, 3, cur.Number)
}

// rawWrite changes the database behind the ledger's back, as a forger
// with the files would.
func rawWrite(t *testing.T, dir string, fn func(db *pebble.DB)) {
	t.Helper()
	db, err := pebble.Open(dir, &pebble.Options{})
	require.NoError(t, err)
	fn(db)
	require.NoError(t, db.Close())
}

func addTo(t *testing.T, db *pebble.DB, key []byte, x uint64) {
	t.Helper()
	v, c, err := db.Get(key)
	require.NoError(t, err)
	b := new(uint256.Int).SetBytes(v)
	require.NoError(t, c.Close())
	b.Add(b, u(x))
	w := b.Bytes32()
	require.NoError(t, db.Set(key, w[:], pebble.Sync))
}

// The check rebuilds every balance from the journal: a forged credit, a
// balance moved around it and a contribution written into a service
// round with no tokens behind it (qf contribute) are each caught.
func TestCheckCatchesForgeries(t *testing.T) {
	for _, tc := range []struct {
		name  string
		forge func(t *testing.T, s *store.Store, dir string) *store.Store
		err   string
	}{
		{"a credit written around the journal", func(t *testing.T, s *store.Store, dir string) *store.Store {
			require.NoError(t, s.Close())
			rawWrite(t, dir, func(db *pebble.DB) {
				addTo(t, db, append([]byte{'a'}, "agent:alice"...), 500)
				addTo(t, db, []byte{'S'}, 500)
			})
			return open(t, dir)
		}, "ledger inconsistent: the supply is 13500, but the journal's credits add up to 13000 (a credit written around the journal?)"},
		{"a balance moved around the journal", func(t *testing.T, s *store.Store, dir string) *store.Store {
			require.NoError(t, s.Close())
			rawWrite(t, dir, func(db *pebble.DB) {
				addTo(t, db, append([]byte{'a'}, "agent:bob"...), 10)
				v, c, err := db.Get(append([]byte{'a'}, "pool"...))
				require.NoError(t, err)
				b := new(uint256.Int).SetBytes(v)
				require.NoError(t, c.Close())
				b.Sub(b, u(10))
				w := b.Bytes32()
				require.NoError(t, db.Set(append([]byte{'a'}, "pool"...), w[:], pebble.Sync))
			})
			return open(t, dir)
		}, "ledger inconsistent: agent:bob holds 1010, but its journal adds up to 1000 (a balance written around the journal?)"},
		{"a contribution written with qf contribute", func(t *testing.T, s *store.Store, dir string) *store.Store {
			_, err := s.Import(1, feed(row("cli-1", "mallory", 2, 5)))
			require.NoError(t, err)
			return s
		}, "ledger inconsistent: round 1: contribution cli-1 (mallory gave 5 to gap 2) has no journal entry: it was not funded through the ledger (written directly, not by a fund?); remove it or void the round"},
		{"a journal entry removed", func(t *testing.T, s *store.Store, dir string) *store.Store {
			require.NoError(t, s.Close())
			rawWrite(t, dir, func(db *pebble.DB) {
				k := make([]byte, 9)
				k[0] = 'J'
				binary.BigEndian.PutUint64(k[1:], 5) // alice's fund
				require.NoError(t, db.Delete(k, pebble.Sync))
			})
			return open(t, dir)
		}, "ledger inconsistent: agent:alice holds 990, but its journal adds up to 1000 (a balance written around the journal?)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, l, dir := ledgerWith(t, calc.Config{Mechanism: "qf"}, u(1000))
			_, _, err := l.FundSync(ledger.FundRequest{Agent: "alice", Gap: *u(1), Amount: *u(10)})
			require.NoError(t, err)
			_, err = l.Check()
			require.NoError(t, err)
			s = tc.forge(t, s, dir)
			defer s.Close()
			l, err = ledger.New(s)
			require.NoError(t, err)
			_, err = l.Check()
			require.ErrorIs(t, err, ledger.ErrLedger)
			require.EqualError(t, err, tc.err)
		})
	}
}

// A ledger kept before the journal gets opening entries for its balances;
// the open round's contributions so far predate it, later ones do not.
func TestJournalOpensOnAnOlderLedger(t *testing.T) {
	s, l, dir := ledgerWith(t, calc.Config{Mechanism: "qf"}, u(1000))
	_, _, err := l.FundSync(ledger.FundRequest{Agent: "alice", Gap: *u(1), Amount: *u(10)})
	require.NoError(t, err)
	require.NoError(t, s.Close())
	rawWrite(t, dir, func(db *pebble.DB) { require.NoError(t, db.DeleteRange([]byte{'J'}, []byte{'J' + 1}, pebble.Sync)) })
	s = open(t, dir)
	defer s.Close()
	l, err = ledger.New(s)
	require.NoError(t, err)
	var kinds []string
	for _, e := range journal(t, s) {
		kinds = append(kinds, e.Kind+" "+e.To+" "+e.Amount)
	}
	require.Equal(t, []string{"opening agent:alice 990", "opening agent:bob 1000", "opening agent:carol 1000", "opening gap:1 10", "opening pool 10000", "opening pool 0"}, kinds)
	rep, err := l.Check()
	require.NoError(t, err)
	require.Equal(t, 0, rep.Contributions)
	_, _, err = l.FundSync(ledger.FundRequest{Agent: "bob", Gap: *u(1), Amount: *u(10)})
	require.NoError(t, err)
	rep, err = l.Check()
	require.NoError(t, err)
	require.Equal(t, 1, rep.Contributions)
	_, err = s.Import(1, feed(row("late-forgery", "mallory", 1, 5)))
	require.NoError(t, err)
	_, err = l.Check()
	require.ErrorContains(t, err, "contribution late-forgery (mallory gave 5 to gap 1) has no journal entry")
}

var pow10 = func(n int) *uint256.Int { return new(uint256.Int).Exp(u(10), u(uint64(n))) }

// What a match would refuse is refused at funding time, with nothing
// moved (cqf totals of 2^200), or never reaches the match (the precision
// span of cocm, pairwise and cluster: see TestMatchFloor).
func TestFundLimits(t *testing.T) {
	two200 := new(uint256.Int).Lsh(u(1), 200)
	for _, tc := range []struct {
		name  string
		cfg   calc.Config
		ok    [][2]any // agent, amount
		bad   [2]any
		err   string
		match bool
	}{
		// The precision span refuses nothing: it raises the match's minimum
		// amount (TestMatchFloor), so neither dust nor a whale locks the
		// other out.
		{"cocm: a whale over the span is taken", calc.Config{Mechanism: "cocm"}, [][2]any{{"alice", pow10(6)}, {"bob", pow10(11)}, {"carol", pow10(16)}},
			[2]any{}, "", true},
		{"cocm: dust under the span is taken", calc.Config{Mechanism: "cocm"}, [][2]any{{"alice", pow10(11)}, {"bob", pow10(5)}},
			[2]any{}, "", true},
		// Amounts under the minimum are left out of matching: not refused.
		{"cocm: dust under the minimum amount is left out", calc.Config{Mechanism: "cocm", MinAmount: *pow10(9)},
			[][2]any{{"alice", pow10(11)}, {"bob", u(3)}, {"bob", pow10(11)}, {"carol", pow10(3)}}, [2]any{}, "", true},
		{"cqf: totals reach 2^200", calc.Config{Mechanism: calc.CQFName, Params: calc.Params{"sigma": "1e-9"}}, [][2]any{{"alice", new(uint256.Int).Sub(two200, u(2))}, {"alice", u(1)}},
			[2]any{"alice", u(1)},
			"refused: the round's mechanism cannot match this: alice's total on gap 1 would be 1606938044258990275541962092341162602522202993782792835301376; a cqf pledge must stay below 2^200 base units", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, l, _ := ledgerWith(t, tc.cfg, two200)
			defer s.Close()
			for _, f := range tc.ok {
				_, _, err := l.FundSync(ledger.FundRequest{Agent: f[0].(string), Gap: *u(1), Amount: *f[1].(*uint256.Int)})
				require.NoError(t, err)
			}
			if tc.err != "" {
				before := bal(t, l, "gap:1")
				_, _, err := l.FundSync(ledger.FundRequest{Agent: tc.bad[0].(string), Gap: *u(1), Amount: *tc.bad[1].(*uint256.Int)})
				require.ErrorIs(t, err, ledger.ErrFundLimit)
				require.EqualError(t, err, tc.err)
				require.Equal(t, before, bal(t, l, "gap:1"), "nothing moved")
			}
			_, err := l.Check()
			require.NoError(t, err)
			if tc.match {
				_, err := l.MatchOn(nil, ledger.Origin{}, round.LedgerCompute)
				require.NoError(t, err, "what was accepted matches")
			}
		})
	}
}

// A round whose amounts span more than its mechanism's precision allows
// is matched with a minimum amount of ceil(largest total / span): what is
// under it counts as direct only, the match succeeds, and the closed round
// stores the minimum it used (so verifiers replay it). The griefing of
// issue 19 (10^6 then 10^16 under cocm) matches.
func TestMatchFloor(t *testing.T) {
	for _, tc := range []struct {
		name  string
		cfg   calc.Config
		funds [][2]any
		floor *uint256.Int // nil: the round's own minimum stands
	}{
		{"cocm: dust first, then a whale", calc.Config{Mechanism: "cocm"}, [][2]any{{"alice", pow10(6)}, {"bob", pow10(16)}}, pow10(11)},
		{"cocm: rounded up", calc.Config{Mechanism: "cocm"}, [][2]any{{"alice", u(1)}, {"bob", u(100_001)}}, u(2)},
		{"cocm: within the span", calc.Config{Mechanism: "cocm"}, [][2]any{{"alice", u(10)}, {"bob", u(1_000_000)}}, nil},
		{"cocm: the round's minimum is higher", calc.Config{Mechanism: "cocm", MinAmount: *pow10(12)}, [][2]any{{"alice", pow10(6)}, {"bob", pow10(16)}}, nil},
		{"pairwise: over 10^9", calc.Config{Mechanism: "pairwise", Params: calc.Params{"M": "1000"}}, [][2]any{{"alice", u(1)}, {"bob", pow10(12)}, {"carol", pow10(3)}}, pow10(3)},
		{"qf has no span", calc.Config{Mechanism: "qf"}, [][2]any{{"alice", u(1)}, {"bob", pow10(19)}}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, l, _ := ledgerWith(t, tc.cfg, pow10(20))
			defer s.Close()
			for i, f := range tc.funds {
				_, _, err := l.FundSync(ledger.FundRequest{Agent: f[0].(string), Gap: *u(uint64(1 + i%2)), Amount: *f[1].(*uint256.Int)})
				require.NoError(t, err)
			}
			if tc.floor == nil {
				require.Nil(t, l.MatchFloor())
			} else {
				require.Equal(t, tc.floor, l.MatchFloor())
			}
			_, err := l.MatchOn(nil, ledger.Origin{}, round.LedgerCompute)
			require.NoError(t, err, "the match is not refused")
			r, err := s.Round(1)
			require.NoError(t, err)
			want := tc.cfg.MinAmount
			if tc.floor != nil {
				want = *tc.floor
			}
			require.Equal(t, want.Dec(), r.Config.MinAmount.Dec(), "the closed round stores the minimum it used")
		})
	}
}

// Voiding refunds every contribution of the open round in one batch; only
// the open round can be voided, and the next opens with its settings.
func TestVoidRound(t *testing.T) {
	s, l, _ := ledgerWith(t, calc.Config{Mechanism: "qf"}, u(1000))
	defer s.Close()
	for _, f := range []struct {
		agent string
		gap   uint64
		amt   uint64
	}{{"alice", 1, 100}, {"alice", 1, 50}, {"bob", 1, 30}, {"bob", 2, 20}, {"carol", 2, 5}} {
		_, _, err := l.FundSync(ledger.FundRequest{Agent: f.agent, Gap: *u(f.gap), Amount: *u(f.amt)})
		require.NoError(t, err)
	}
	// A row written around the ledger has no tokens behind it: not refunded.
	_, err := s.Import(1, feed(row("cli-1", "mallory", 2, 7)))
	require.NoError(t, err)
	_, err = l.VoidRound(ledger.Origin{Key: "ops"}, 2)
	require.EqualError(t, err, "round is closed: round 2 is not the open round (1); only the open round can be voided")
	rec, err := l.VoidRound(ledger.Origin{Key: "ops"}, 1)
	require.NoError(t, err)
	require.Equal(t, store.StatusVoid, rec.Status)
	require.Equal(t, []ledger.MatchRecordGap{{Gap: "1", Direct: uint256.MustFromDecimal("180"), Match: uint256.MustFromDecimal("0"), Refunded: uint256.MustFromDecimal("180")}, {Gap: "2", Direct: uint256.MustFromDecimal("25"), Match: uint256.MustFromDecimal("0"), Refunded: uint256.MustFromDecimal("25")}}, rec.Gaps)
	for _, a := range []string{"alice", "bob", "carol"} {
		require.EqualValues(t, 1000, bal(t, l, ledger.AgentAccount(a)), a)
	}
	require.Zero(t, bal(t, l, "gap:1"))
	require.Zero(t, bal(t, l, "gap:2"))
	require.EqualValues(t, 10000, bal(t, l, "pool"))
	r1, err := s.Round(1)
	require.NoError(t, err)
	require.Equal(t, store.StatusVoid, r1.Status)
	cur, _ := l.Tally()
	require.EqualValues(t, 2, cur.Number)
	require.Equal(t, "qf", cur.Config.Mechanism)
	recs, err := l.MatchRecords()
	require.NoError(t, err)
	require.Len(t, recs, 1)
	_, ok, err := l.Schedule()
	require.NoError(t, err)
	require.False(t, ok, "a void is no match: the schedule is not stamped")
	// Voiding repairs the round the forged row was in: it moves nothing.
	rep, err := l.Check()
	require.NoError(t, err)
	require.Equal(t, 1, rep.Unfunded)
	require.Equal(t, 5, rep.Contributions)
}

// Idempotency keys are bound to the route and canonical body and expire
// after IdempotencyTTL.
func TestIdempotencyKeysExpire(t *testing.T) {
	s, l, _ := ledgerWith(t, calc.Config{Mechanism: "qf"}, u(1000))
	defer s.Close()
	t0 := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	fund := func(amount uint64, at time.Time) (ledger.Receipt, bool, error) {
		return l.FundSync(ledger.FundRequest{Agent: "alice", Gap: *u(1), Amount: *u(amount), Key: "k", At: at})
	}
	first, replay, err := fund(100, t0)
	require.NoError(t, err)
	require.False(t, replay)
	for _, tc := range []struct {
		name   string
		amount uint64
		at     time.Time
		replay bool
		err    string
	}{
		{"a retry within the TTL replays", 100, t0.Add(ledger.IdempotencyTTL - time.Second), true, ""},
		{"another body within the TTL conflicts", 101, t0.Add(time.Hour), false, `idempotency key already used for a different request: key "k" funded gap 1 with 100`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rc, replay, err := fund(tc.amount, tc.at)
			if tc.err != "" {
				require.EqualError(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.replay, replay)
			require.Equal(t, first, rc)
		})
	}
	require.EqualValues(t, 900, bal(t, l, "agent:alice"))
	// After the TTL the key is forgotten: the same request moves again.
	again, replay, err := fund(100, t0.Add(ledger.IdempotencyTTL))
	require.NoError(t, err)
	require.False(t, replay)
	require.NotEqual(t, first.ID, again.ID)
	require.EqualValues(t, 800, bal(t, l, "agent:alice"))
	_, err = l.Check()
	require.NoError(t, err)
}

// A match computes outside the ledger's lock on a snapshot: a fund made
// meanwhile goes through, is left out of the round being matched and
// moves to the next round, its receipt with it.
func TestMatchComputesOutsideTheLock(t *testing.T) {
	s, l, _ := ledgerWith(t, calc.Config{Mechanism: "qf"}, u(1000))
	defer s.Close()
	_, _, err := l.FundSync(ledger.FundRequest{Agent: "alice", Gap: *u(1), Amount: *u(100)})
	require.NoError(t, err)
	var late ledger.Receipt
	compute := func(snap *store.Store) store.Compute {
		return func(r store.Round, cfg calc.Config) (*store.PoolResults, error) {
			// The ledger is not locked: this fund would deadlock otherwise.
			var err error
			late, _, err = l.FundSync(ledger.FundRequest{Agent: "bob", Gap: *u(2), Amount: *u(40), Key: "during"})
			if err != nil {
				return nil, err
			}
			if _, _, err := l.Fund(ledger.FundRequest{Agent: "carol", Gap: *u(1), Amount: *u(1)}); err != nil {
				return nil, err
			}
			if err := l.Sync(); err != nil {
				return nil, err
			}
			return round.LedgerCompute(snap)(r, cfg)
		}
	}
	rec, err := l.MatchOn(nil, ledger.Origin{}, compute)
	require.NoError(t, err)
	require.Equal(t, []ledger.MatchRecordGap{{Gap: "1", Direct: uint256.MustFromDecimal("100"), Match: uint256.MustFromDecimal("0")}, {Gap: "2", Direct: uint256.MustFromDecimal("0"), Match: uint256.MustFromDecimal("0")}}, rec.Gaps,
		"the snapshot has alice's fund only, not bob's 40 to gap 2")
	r1, err := s.Round(1)
	require.NoError(t, err)
	require.Equal(t, 1, r1.Contributions)
	require.Equal(t, 1, count(t, s, 1))
	require.Equal(t, 2, count(t, s, 2), "the funds made during the match are in round 2")
	cur, tally := l.Tally()
	require.EqualValues(t, 2, cur.Number)
	require.Equal(t, 2, cur.Contributions)
	d := tally[*u(2)].Direct
	require.EqualValues(t, 40, d.Uint64())
	again, replay, err := l.FundSync(ledger.FundRequest{Agent: "bob", Gap: *u(2), Amount: *u(40), Key: "during"})
	require.NoError(t, err)
	require.True(t, replay)
	require.EqualValues(t, 2, again.Round, "the receipt follows its contribution")
	require.Equal(t, late.ID, again.ID)
	_, err = l.Check()
	require.NoError(t, err)
	// One match at a time.
	blocked := func(*store.Store) store.Compute {
		return func(store.Round, calc.Config) (*store.PoolResults, error) {
			_, err := l.MatchOn(nil, ledger.Origin{}, round.LedgerCompute)
			require.ErrorIs(t, err, ledger.ErrMatching)
			_, err = l.VoidRound(ledger.Origin{}, 2)
			require.ErrorIs(t, err, ledger.ErrMatching)
			return nil, errors.New("given up")
		}
	}
	_, err = l.MatchOn(nil, ledger.Origin{}, blocked)
	require.EqualError(t, err, "given up")
	cur, _ = l.Tally()
	require.EqualValues(t, 2, cur.Number, "a failed match leaves the round open")
}

// Keys can be rotated (the old stops working) and revoked (none works).
func TestAgentRotateAndRevoke(t *testing.T) {
	s, _ := setup(t)
	defer s.Close()
	_, old, err := s.AddAgent("alice", false)
	require.NoError(t, err)
	lookup := func(name string) (store.Agent, bool) {
		a, ok, err := s.Agent(name)
		require.NoError(t, err)
		return a, ok
	}
	_, fresh, err := s.RotateAgent("alice")
	require.NoError(t, err)
	require.NotEqual(t, old, fresh)
	_, err = store.Authenticate(lookup, old)
	require.ErrorIs(t, err, store.ErrBadKey)
	a, err := store.Authenticate(lookup, fresh)
	require.NoError(t, err)
	require.NotNil(t, a.Rotated)
	_, err = s.RevokeAgent("alice")
	require.NoError(t, err)
	_, err = store.Authenticate(lookup, fresh)
	require.ErrorIs(t, err, store.ErrBadKey)
	for _, tc := range []struct{ name, err string }{
		{"rotate a revoked agent", "agent revoked: alice was revoked on "},
		{"rotate a ghost", "no such agent: ghost"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			name := "alice"
			if tc.name == "rotate a ghost" {
				name = "ghost"
			}
			_, _, err := s.RotateAgent(name)
			require.ErrorContains(t, err, tc.err)
		})
	}
	_, _, err = s.AddAgent("alice", false)
	require.ErrorIs(t, err, store.ErrAgentExists, "a revoked name stays taken")
}

// A match deletes the expired idempotency records, but not one a fund
// renewed while the match computed.
func TestMatchPrunesExpiredKeys(t *testing.T) {
	s, l, dir := ledgerWith(t, calc.Config{Mechanism: "qf"}, u(1000))
	t0 := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	fund := func(key string, at time.Time) bool {
		_, replay, err := l.FundSync(ledger.FundRequest{Agent: "alice", Gap: *u(1), Amount: *u(1), Key: key, At: at})
		require.NoError(t, err)
		return replay
	}
	fund("gone", t0)
	fund("renewed", t0)
	fund("fresh", t0.Add(ledger.IdempotencyTTL))
	at := t0.Add(ledger.IdempotencyTTL + time.Hour)
	compute := func(snap *store.Store) store.Compute {
		return func(r store.Round, cfg calc.Config) (*store.PoolResults, error) {
			require.False(t, fund("renewed", at), "expired: a new fund")
			return round.LedgerCompute(snap)(r, cfg)
		}
	}
	_, err := l.MatchOn(nil, ledger.Origin{At: at}, compute)
	require.NoError(t, err)
	require.True(t, fund("renewed", at.Add(time.Minute)), "renewed during the match: kept")
	require.True(t, fund("fresh", at.Add(time.Minute)), "not expired: kept")
	_, err = l.Check()
	require.NoError(t, err)
	require.NoError(t, s.Close())
	rawWrite(t, dir, func(db *pebble.DB) {
		for key, want := range map[string]bool{"gone": false, "renewed": true, "fresh": true} {
			_, c, err := db.Get(append(append([]byte("Ialice"), 0), key...))
			if want {
				require.NoError(t, err, key)
				require.NoError(t, c.Close())
			} else {
				require.ErrorIs(t, err, pebble.ErrNotFound, key)
			}
		}
	})
}
