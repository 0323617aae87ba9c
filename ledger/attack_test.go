package ledger_test

import (
	"errors"
	"fmt"
	"math/rand"
	"testing"

	"github.com/qf-dev/qf/ledger"

	"github.com/cockroachdb/pebble/v2"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/record"
	"github.com/qf-dev/qf/round"
	"github.com/qf-dev/qf/store"
)

// A contribution funded while round 1 matched is journaled with round 1
// but stored in round 2; when round 2 then closes with no journal entry
// of its own (an empty pool pays nothing), the check must still find it.
func TestCheckFindsLateRowsOfAQuietRound(t *testing.T) {
	s, l, dir := ledgerWith(t, calc.Config{Mechanism: "qf"}, u(1000))
	_, _, err := l.FundSync(ledger.FundRequest{Agent: "alice", Gap: *u(1), Amount: *u(100), Key: "a1"})
	require.NoError(t, err)
	compute := func(snap *store.Store) store.Compute {
		return func(r store.Round, cfg calc.Config) (*store.PoolResults, error) {
			if _, _, err := l.FundSync(ledger.FundRequest{Agent: "bob", Gap: *u(2), Amount: *u(40), Key: "late"}); err != nil {
				return nil, err
			}
			return round.LedgerCompute(snap)(r, cfg)
		}
	}
	_, err = l.MatchOn(nil, ledger.Origin{}, compute)
	require.NoError(t, err)
	_, err = l.Check()
	require.NoError(t, err, "round 2 open, with the late row")
	_, err = l.MatchOn(new(uint256.Int), ledger.Origin{}, round.LedgerCompute)
	require.NoError(t, err, "round 2 matched with an empty pool")
	_, err = l.Check()
	require.NoError(t, err, "round 2 closed with no journal entry of its own")
	require.NoError(t, s.Close())
	// and across a restart
	s2 := open(t, dir)
	defer s2.Close()
	l2, err := ledger.New(s2)
	require.NoError(t, err)
	rep, err := l2.Check()
	require.NoError(t, err)
	require.Equal(t, 2, rep.Contributions)
}

// Random sequences of credits, funds (with reused, replayed and
// conflicting idempotency keys, and funds made while a match computes),
// matches, voids, rotations and revocations always leave the ledger
// consistent: Check passes after every step, the supply is exactly what
// was credited, and a fund moves its amount once or not at all.
func TestRandomSequencesKeepTheLedgerConsistent(t *testing.T) {
	max := new(uint256.Int).SetAllOne()
	for _, mech := range []string{"qf", "cocm", calc.CQFName} {
		for seed := int64(1); seed <= 4; seed++ {
			t.Run(fmt.Sprintf("%s/seed%d", mech, seed), func(t *testing.T) {
				cfg := calc.Config{Mechanism: mech}
				if mech == calc.CQFName {
					cfg.Params = calc.Params{"sigma": "1e-3", "decay": "0.5"}
				}
				s, l, _ := ledgerWith(t, cfg, u(1_000_000))
				defer s.Close()
				rng := rand.New(rand.NewSource(seed))
				agents := []string{"alice", "bob", "carol"}
				revoked := map[string]bool{}
				matched, funded := 0, 0
				supply := uint256.NewInt(3*1_000_000 + 10000)
				amount := func() *uint256.Int {
					switch rng.Intn(10) {
					case 0:
						return new(uint256.Int).Set(max)
					case 1:
						return u(1)
					default:
						return u(uint64(rng.Intn(5000) + 1))
					}
				}
				fund := func(step int) {
					a := agents[rng.Intn(3)]
					g := u(uint64(rng.Intn(3) + 1)) // gap 3 is unknown
					amt := amount()
					key := fmt.Sprintf("k%d", rng.Intn(8))
					before, err := l.Balance(ledger.AgentAccount(a))
					require.NoError(t, err)
					_, replay, err := l.FundSync(ledger.FundRequest{Agent: a, Gap: *g, Amount: *amt, Key: key})
					after, err2 := l.Balance(ledger.AgentAccount(a))
					require.NoError(t, err2)
					moved := new(uint256.Int).Sub(before, after)
					switch {
					case err != nil || replay:
						require.True(t, moved.IsZero(), "step %d: a refused or replayed fund moved %s (err %v)", step, moved.Dec(), err)
					default:
						require.True(t, moved.Eq(amt), "step %d: a fund of %s moved %s", step, amt.Dec(), moved.Dec())
						funded++
					}
				}
				for step := range 150 {
					switch op := rng.Intn(20); {
					case op < 10:
						fund(step)
					case op < 13:
						acct := ledger.PoolAccount
						if rng.Intn(2) == 0 {
							acct = ledger.AgentAccount(agents[rng.Intn(3)])
						}
						amt := amount()
						_, err := l.Credit(acct, amt)
						if err == nil {
							supply.Add(supply, amt)
						} else {
							require.True(t, errors.Is(err, ledger.ErrOverflow) || errors.Is(err, ledger.ErrAccount), "step %d: %v", step, err)
						}
					case op < 16:
						during := rng.Intn(3)
						var err error
						if mech == calc.CQFName {
							_, err = l.MatchCQFOn(ledger.Origin{}, func(snap *store.Store) store.ComputeCQF {
								return func(r store.Round) (*store.CQFResults, error) {
									for range during {
										fund(step)
									}
									return round.LedgerComputeCQF(snap)(r)
								}
							})
						} else {
							_, err = l.MatchOn(nil, ledger.Origin{}, func(snap *store.Store) store.Compute {
								return func(r store.Round, cfg calc.Config) (*store.PoolResults, error) {
									for range during {
										fund(step)
									}
									return round.LedgerCompute(snap)(r, cfg)
								}
							})
						}
						if err != nil {
							require.NotErrorIs(t, err, ledger.ErrLedger, "step %d", step)
						} else {
							matched++
						}
					case op < 18:
						cur, _ := l.Tally()
						_, err := l.VoidRound(ledger.Origin{}, cur.Number)
						require.NoError(t, err, "step %d", step)
					case op < 19:
						a := agents[rng.Intn(3)]
						_, _, err := s.RotateAgent(a)
						if revoked[a] {
							require.ErrorIs(t, err, store.ErrRevoked)
						} else {
							require.NoError(t, err)
						}
					default:
						a := agents[rng.Intn(3)]
						if !revoked[a] {
							_, err := s.RevokeAgent(a)
							require.NoError(t, err)
							revoked[a] = true
						}
						_, err := l.Credit(ledger.AgentAccount(a), u(1))
						require.ErrorIs(t, err, ledger.ErrAccount, "a revoked agent is credited nothing")
					}
					rep, err := l.Check()
					require.NoError(t, err, "step %d", step)
					require.Equal(t, supply.Dec(), rep.Supply, "step %d", step)
					require.Equal(t, rep.Supply, rep.Sum, "step %d", step)
				}
				require.Positive(t, matched, "some matches succeed")
				require.Greater(t, funded, 10, "funds succeed")
			})
		}
	}
}

// A row written around the ledger (qf import / qf contribute) with an id
// that looks like the service's ("api:…") must not make a void pay its
// "donor" out of a gap's escrow: escrows hold other rounds' matches. The
// void refunds only what the journal says was funded.
func TestVoidRefundsOnlyLedgerFunds(t *testing.T) {
	s, l, _ := ledgerWith(t, calc.Config{Mechanism: "qf"}, u(1000))
	defer s.Close()
	for _, a := range []string{"alice", "bob"} {
		_, _, err := l.FundSync(ledger.FundRequest{Agent: a, Gap: *u(1), Amount: *u(100), Key: "r1"})
		require.NoError(t, err)
	}
	_, err := l.MatchOn(nil, ledger.Origin{}, round.LedgerCompute)
	require.NoError(t, err)
	escrow, err := l.Balance("gap:1")
	require.NoError(t, err)
	require.True(t, escrow.GtUint64(200), "gap 1 holds its match")
	_, err = s.Import(2, func(add func(*record.Contribution) error) error {
		return add(&record.Contribution{ID: []byte("api:carol:forged"), Donor: []byte("carol"), Gap: *u(1), Amount: *u(5000)})
	})
	require.NoError(t, err)
	before, err := l.Balance("agent:carol")
	require.NoError(t, err)
	_, err = l.VoidRound(ledger.Origin{}, 2)
	require.NoError(t, err)
	after, err := l.Balance("agent:carol")
	require.NoError(t, err)
	require.Equal(t, before.Dec(), after.Dec(), "carol funded nothing in round 2 and gets nothing back")
	esc2, err := l.Balance("gap:1")
	require.NoError(t, err)
	require.Equal(t, escrow.Dec(), esc2.Dec())
	_, err = l.Check()
	require.NoError(t, err)
}

// Funds made while a match computes, when the match then fails (or the
// process stops before it commits), stay in the open round: after a
// restart they are in its tally, the check passes, and the next match
// pays them.
func TestLateRowsOfAFailedMatchSurviveARestart(t *testing.T) {
	s, l, dir := ledgerWith(t, calc.Config{Mechanism: "qf"}, u(1000))
	_, _, err := l.FundSync(ledger.FundRequest{Agent: "alice", Gap: *u(1), Amount: *u(100), Key: "a"})
	require.NoError(t, err)
	_, err = l.MatchOn(nil, ledger.Origin{}, func(*store.Store) store.Compute {
		return func(store.Round, calc.Config) (*store.PoolResults, error) {
			if _, _, err := l.FundSync(ledger.FundRequest{Agent: "bob", Gap: *u(1), Amount: *u(100), Key: "late"}); err != nil {
				return nil, err
			}
			return nil, errors.New("killed")
		}
	})
	require.EqualError(t, err, "killed")
	require.NoError(t, s.Close())
	s2 := open(t, dir)
	defer s2.Close()
	l2, err := ledger.New(s2)
	require.NoError(t, err)
	cur, tally := l2.Tally()
	require.EqualValues(t, 1, cur.Number)
	require.Equal(t, 2, cur.Contributions)
	d := tally[*u(1)].Direct
	require.EqualValues(t, 200, d.Uint64())
	_, err = l2.Check()
	require.NoError(t, err)
	_, replay, err := l2.FundSync(ledger.FundRequest{Agent: "bob", Gap: *u(1), Amount: *u(100), Key: "late"})
	require.NoError(t, err)
	require.True(t, replay)
	rec, err := l2.MatchOn(nil, ledger.Origin{}, round.LedgerCompute)
	require.NoError(t, err)
	require.Equal(t, "10000", rec.Matched.Dec(), "two donors: the whole pool")
	rep, err := l2.Check()
	require.NoError(t, err)
	require.Equal(t, 2, rep.Contributions)
	bob, err := l2.Balance("agent:bob")
	require.NoError(t, err)
	require.EqualValues(t, 900, bob.Uint64())
}

// On a ledger from before the journal, a void still refunds the open
// round's rows that predate it (their tokens sit in escrow), and the
// journaled ones, but not a forged api: row imported afterwards.
func TestVoidOnAnOlderLedgerRefundsRowsBeforeTheJournal(t *testing.T) {
	s, l, dir := ledgerWith(t, calc.Config{Mechanism: "qf"}, u(1000))
	_, _, err := l.FundSync(ledger.FundRequest{Agent: "alice", Gap: *u(1), Amount: *u(10)})
	require.NoError(t, err)
	require.NoError(t, s.Close())
	rawWrite(t, dir, func(db *pebble.DB) { require.NoError(t, db.DeleteRange([]byte{'J'}, []byte{'J' + 1}, pebble.Sync)) })
	s = open(t, dir)
	defer s.Close()
	l, err = ledger.New(s)
	require.NoError(t, err)
	_, _, err = l.FundSync(ledger.FundRequest{Agent: "bob", Gap: *u(1), Amount: *u(20)})
	require.NoError(t, err)
	_, err = s.Import(1, feed(row("api:carol:x", "carol", 1, 500)))
	require.NoError(t, err)
	rec, err := l.VoidRound(ledger.Origin{}, 1)
	require.NoError(t, err)
	require.Equal(t, []ledger.MatchRecordGap{{Gap: "1", Direct: uint256.MustFromDecimal("30"), Match: uint256.MustFromDecimal("0"), Refunded: uint256.MustFromDecimal("30")}}, rec.Gaps)
	for acct, want := range map[string]uint64{"agent:alice": 1000, "agent:bob": 1000, "agent:carol": 1000, "gap:1": 0} {
		b, err := l.Balance(acct)
		require.NoError(t, err)
		require.EqualValues(t, want, b.Uint64(), acct)
	}
	_, err = l.Check()
	require.NoError(t, err)
}
