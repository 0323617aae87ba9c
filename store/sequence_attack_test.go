package store_test

import (
	"encoding/json"
	"fmt"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/ledger"
	"github.com/qf-dev/qf/record"
	"github.com/qf-dev/qf/round"
	"github.com/qf-dev/qf/store"
)

// matchBothWays is round n's match (round.Closing) from its sums and from
// its rows, each as its report's JSON and root, and whether the sums
// were used.
func matchBothWays(t *testing.T, s *store.Store, n uint64) (fromSums, fromRows string, usedSums bool) {
	t.Helper()
	r, err := s.Round(n)
	require.NoError(t, err)
	show := func(o *round.Outcome, err error) string {
		require.NoError(t, err)
		j, err := json.Marshal(o.Report)
		require.NoError(t, err)
		root := "none"
		if o.Tree != nil {
			root = o.Tree.Root().Hex()
		}
		return string(j) + " root " + root
	}
	a, src, err := round.Closing(s, r, r.Config, false, nil)
	fromSums = show(a, err)
	b, _, err := round.Closing(s, r, r.Config, true, nil)
	return fromSums, show(b, err), src.Sums
}

// roundRecords is dump without the agents' and the journal's records
// (their times and key hashes differ from store to store).
func roundRecords(t *testing.T, s *store.Store) []string {
	var out []string
	for _, kv := range dump(t, s) {
		if !strings.HasPrefix(kv, "41") && !strings.HasPrefix(kv, "4a") {
			out = append(out, kv)
		}
	}
	return out
}

// TestSequencesAgree runs random sequences of writes on one round — a
// bulk import into the fresh round (its sums ingested with its rows),
// imports behind it, the same file again, voids, corrections (a void and
// the row again under a new id), ledger funds; recipients giving to
// their own gaps — on two stores, one whose
// imports are bulk imports taking the fresh sums, the other one batch
// each, and requires after every step: stats from the sums equal to stats
// from the rows, the match from the sums equal to the match from the rows
// (report and root), both stores' matches equal, and, before any fund
// (whose records carry the request's place in the journal), every record
// equal.
func TestSequencesAgree(t *testing.T) {
	sequencesAgree(t, []string{"import", "again", "void", "correct", "fund"}, 12, 99)
}

// TestSequencesWithRecipientsAgree is TestSequencesAgree with recipient
// changes among the writes (store.Store.SetGap: a gap's recipient made
// one of the round's donors, another gap's recipient, or its own again),
// which the fast store's deferred sums (they hold only the recipients'
// own cells) must be made whole for, and more of them.
func TestSequencesWithRecipientsAgree(t *testing.T) {
	sequencesAgree(t, []string{"import", "again", "void", "correct", "fund", "recipient", "recipient"}, 12, 7)
}

// sequencesAgree runs TestSequencesAgree's sequences of ops, one per
// seed (stream the PCG's second word).
func sequencesAgree(t *testing.T, ops []string, seeds, stream uint64) {
	defer store.ForceIngest(1 << 20)()
	defer store.SetSSTFrom(store.SetSSTFrom(1))
	for seed := range seeds {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, stream))
			fast, slow := attackSetup(t), attackSetup(t)
			defer fast.Close()
			defer slow.Close()
			for _, s := range []*store.Store{fast, slow} {
				_, _, err := s.AddAgent("alice", false)
				require.NoError(t, err)
				l, err := ledger.New(s)
				require.NoError(t, err)
				_, err = l.Credit(ledger.AgentAccount("alice"), uint256.NewInt(1<<40))
				require.NoError(t, err)
			}
			var files [][]*record.Contribution
			var ids []string // stored, not voided
			funded := false
			steps := []string{"import"}
			for range 6 {
				steps = append(steps, ops[rng.IntN(len(ops))])
			}
			for step, op := range steps {
				var err error
				switch op {
				case "import", "again", "correct":
					var rows []*record.Contribution
					switch {
					case op == "import" || len(files) == 0:
						rows = plainFile(rng, 20+rng.IntN(300), 40, false)
						for _, r := range rows { // ids unique to the file
							if r.ID != nil {
								r.ID = fmt.Appendf(nil, "f%d-%s", len(files), r.ID)
							}
							if r.Amount.Uint64()%7 == 3 { // a recipient giving to its own gap (same id, same content)
								r.Donor = fmt.Appendf(nil, "0x%040x", 0xb0+r.Gap.Uint64())
							}
						}
						files = append(files, rows)
					case op == "again":
						rows = files[rng.IntN(len(files))]
					default: // correct: void a row, import it again with one wei more
						if len(ids) == 0 {
							continue
						}
						k := rng.IntN(len(ids))
						var old *record.Contribution
						for _, f := range files {
							for _, r := range f {
								if string(r.ID) == ids[k] {
									old = r
								}
							}
						}
						for _, s := range []*store.Store{fast, slow} {
							_, err := s.VoidContribution(1, ids[k], "correction")
							require.NoError(t, err)
						}
						fixed := *old
						fixed.ID = fmt.Appendf(nil, "%s-fix%d", old.ID, step)
						fixed.Amount.AddUint64(&fixed.Amount, 1)
						ids = append(ids[:k], ids[k+1:]...)
						rows = []*record.Contribution{&fixed}
						files = append(files, rows)
					}
					want, werr := slow.Import(1, feed(rows...))
					got, gerr := fast.ImportFile(1, feed(rows...))
					require.Equal(t, fmt.Sprint(werr), fmt.Sprint(gerr), "step %d %s", step, op)
					require.Equal(t, want, got, "step %d %s", step, op)
					require.NoError(t, gerr)
					if op != "again" {
						for _, r := range rows {
							if r.ID != nil {
								ids = append(ids, string(r.ID))
							}
						}
					}
				case "void":
					if len(ids) == 0 {
						continue
					}
					k := rng.IntN(len(ids))
					for _, s := range []*store.Store{fast, slow} {
						_, err = s.VoidContribution(1, ids[k], "sybil")
						require.NoError(t, err, "step %d void %s", step, ids[k])
					}
					ids = append(ids[:k], ids[k+1:]...)
				case "recipient":
					// gap 1, 2 or bigGap paid to a donor of the files (an
					// address donor of plainFile), to another gap's
					// recipient, or to its own again
					gap := []uint256.Int{*uint256.NewInt(1), *uint256.NewInt(2), *bigGap}[rng.IntN(3)]
					to := []*big.Int{big.NewInt(int64(rng.IntN(40) * 7919)), big.NewInt(int64(0xb1 + rng.IntN(3))), big.NewInt(0xb0 + int64(rng.IntN(2)+1))}[rng.IntN(3)]
					for _, s := range []*store.Store{fast, slow} {
						_, err = s.SetGap(calc.Gap{ID: gap, Recipient: common.BigToAddress(to)})
						require.NoError(t, err, "step %d recipient", step)
					}
				case "fund":
					for _, s := range []*store.Store{fast, slow} {
						// a ledger per fund, as qf ledger fund opens one (a
						// ledger holds the open round's record: no import
						// may run beside it)
						l, err := ledger.New(s)
						require.NoError(t, err)
						_, _, err = l.FundSync(ledger.FundRequest{Agent: "alice", Gap: *uint256.NewInt(uint64(1 + step%2)), Amount: *uint256.NewInt(uint64(1 + step)),
							At: time.Date(2026, 1, 1, 0, 0, step, 0, time.UTC)})
						require.NoError(t, err, "step %d fund", step)
					}
					funded = true
				}
				if !funded {
					stored := roundRecords(t, fast)
					require.Equal(t, deferredView(t, slow, roundRecords(t, slow), stored), stored, "step %d %s: records", step, op)
				}
				for _, s := range []*store.Store{fast, slow} {
					r, err := s.Round(1)
					require.NoError(t, err)
					require.Equal(t, r.Contributions, count(t, s, 1)+r.Voided, "step %d %s: the round counts its rows", step, op)
				}
				var matches []string
				for name, s := range map[string]*store.Store{"fast": fast, "slow": slow} {
					fromSums, fromRows := statsBothWays(t, s, 1)
					require.Equal(t, fromRows, fromSums, "step %d %s: %s: stats", step, op, name)
					mSums, mRows, used := matchBothWays(t, s, 1)
					require.Equal(t, mRows, mSums, "step %d %s: %s: match", step, op, name)
					if step == 0 {
						require.True(t, used, "the first import's sums are used by the match")
					}
					matches = append(matches, mRows)
				}
				require.Equal(t, matches[0], matches[1], "step %d %s: the stores' matches", step, op)
			}
		})
	}
}

// TestFreshSumsLinear: a bulk import into a fresh linear round (whose
// sums are kept too), then one behind it: the records are those of the
// row-by-row sums, and stats and the match from the sums are those from
// the rows.
func TestFreshSumsLinear(t *testing.T) {
	defer store.ForceIngest(1 << 20)()
	defer store.SetSSTFrom(store.SetSSTFrom(1))
	for seed := range uint64(3) {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 5))
			fast, slow := attackSetup(t), attackSetup(t)
			defer fast.Close()
			defer slow.Close()
			for _, s := range []*store.Store{fast, slow} {
				_, err := s.CreateRound(store.Round{Config: calc.Config{Mechanism: "linear", Pool: *uint256.NewInt(999_999_999_999)}})
				require.NoError(t, err)
			}
			for step, rows := range [][]*record.Contribution{plainFile(rng, 400, 60, false), plainFile(rng, 200, 60, false)} {
				want, err := slow.ImportFileRowByRowSums(2, feed(rows...))
				require.NoError(t, err)
				got, err := fast.ImportFile(2, feed(rows...))
				require.NoError(t, err)
				require.Equal(t, want, got, "step %d", step)
				stored := dump(t, fast)
				require.Equal(t, deferredView(t, slow, dump(t, slow), stored), stored, "step %d", step)
				fromSums, fromRows := statsBothWays(t, fast, 2)
				require.Equal(t, fromRows, fromSums, "step %d: stats", step)
				mSums, mRows, used := matchBothWays(t, fast, 2)
				require.Equal(t, mRows, mSums, "step %d: match", step)
				require.True(t, used, "step %d: the match uses the sums", step)
			}
		})
	}
}
