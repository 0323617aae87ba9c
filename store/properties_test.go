package store_test

import (
	"encoding/json"
	"fmt"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/cqf"
	"github.com/qf-dev/qf/ingest"
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/record"
	"github.com/qf-dev/qf/round"
	"github.com/qf-dev/qf/store"
)

// computeStored computes a stored round as qf match does.
func computeStored(s *store.Store, n uint64) (*round.Outcome, error) {
	r, err := s.Round(n)
	if err != nil {
		return nil, err
	}
	gaps, err := s.Gaps()
	if err != nil {
		return nil, err
	}
	in := round.Inputs{Gaps: gaps, Config: r.Config, Leaf: payout.Leaf(r.Leaf)}
	return round.Compute(in, func(l *ingest.Loader) error { return s.EachContribution(n, l.Add) })
}

// propertyStore is a store with gaps 1..3 and round 1 under cfg.
func propertyStore(t *testing.T, cfg calc.Config) *store.Store {
	t.Helper()
	s := open(t, t.TempDir())
	var gaps []calc.Gap
	for g := range 3 {
		gaps = append(gaps, calc.Gap{ID: *uint256.NewInt(uint64(g + 1)), Recipient: common.BigToAddress(big.NewInt(int64(0xb1 + g)))})
	}
	_, err := s.AddGaps(gaps)
	require.NoError(t, err)
	_, err = s.CreateRound(store.Round{Config: cfg})
	require.NoError(t, err)
	return s
}

var propDonors = []string{"alice", "bob", "0x00000000000000000000000000000000000000a1", "0x00000000000000000000000000000000000000a2"}

// TestAcceptedWritesKeepRoundComputable: whatever sequence of imports
// (bad weights and scores, conflicting weights, ids repeated with other
// content, totals near 2^256) and voids is thrown at a round of any pool
// mechanism, with or without a score scale, the writes the store accepts
// never leave a round that computing refuses.
func TestAcceptedWritesKeepRoundComputable(t *testing.T) {
	weights := []string{"", "", "", "1", "2", "0.5", "1.50", "-1", "abc", "NaN", "1001", "0.00001"}
	scores := []string{"", "", "12", "15", "25", "abc", "1e3"}
	max := new(uint256.Int).SetAllOne()
	accepted, refused := 0, 0
	for seed := range uint64(15) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 18))
			cfg := calc.Config{Mechanism: []string{"qf", "linear", "pairwise", "cluster", "cocm"}[seed/2%5], Pool: *uint256.NewInt(1_000_000)}
			switch cfg.Mechanism {
			case "pairwise":
				cfg.Params = calc.Params{"M": "1000"}
			case "cluster":
				cfg.Params = calc.Params{"D": "1000"}
			}
			if seed%2 == 1 {
				cfg.ScoreScale = "10:20"
			}
			s := propertyStore(t, cfg)
			defer s.Close()
			for step := range 30 {
				if r.IntN(5) == 0 { // void a random stored row
					var ids []string
					require.NoError(t, s.EachStored(1, func(row *record.Contribution, _ *store.Void) error { ids = append(ids, string(row.ID)); return nil }))
					if len(ids) > 0 {
						_, err := s.VoidContribution(1, ids[r.IntN(len(ids))], "property test")
						if err == nil {
							accepted++
						} else {
							refused++
						}
					}
				} else {
					var rows []*record.Contribution
					for range 1 + r.IntN(4) {
						x := &record.Contribution{Donor: []byte(propDonors[r.IntN(len(propDonors))]), Gap: *uint256.NewInt(uint64(1 + r.IntN(3))),
							Weight: []byte(weights[r.IntN(len(weights))]), Score: []byte(scores[r.IntN(len(scores))])}
						if r.IntN(3) > 0 {
							x.ID = []byte(fmt.Sprint("id", r.IntN(12)))
						}
						switch r.IntN(6) {
						case 0: // near the top: a second one overflows
							x.Amount.Sub(max, uint256.NewInt(r.Uint64N(1000)))
						case 1:
							x.Amount.Lsh(uint256.NewInt(1+r.Uint64N(7)), 250)
						default:
							x.Amount.SetUint64(1 + r.Uint64N(1e6))
						}
						rows = append(rows, x)
					}
					if _, err := s.Import(1, feed(rows...)); err == nil {
						accepted++
					} else {
						refused++
					}
				}
				_, err := computeStored(s, 1)
				require.NoError(t, err, "step %d", step)
			}
		})
	}
	// the property is not vacuous: writes were both accepted and refused
	require.Greater(t, accepted, 60)
	require.Greater(t, refused, 60)
}

// TestVoidingEqualsRemoving: a round with some rows voided computes to the
// same report and root as the file without those rows.
func TestVoidingEqualsRemoving(t *testing.T) {
	for seed := range uint64(16) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 1818))
			cfg := calc.Config{Mechanism: []string{"qf", "linear"}[seed%2], Pool: *uint256.NewInt(1_000_000_000)}
			s := propertyStore(t, cfg)
			defer s.Close()
			donorWeight := map[string]string{}
			for i, d := range propDonors {
				donorWeight[d] = []string{"", "2", "0.5", ""}[i]
			}
			n := 10 + r.IntN(40)
			type line struct{ id, text string }
			var lines []line
			for i := range n {
				d := propDonors[r.IntN(len(propDonors))]
				id := fmt.Sprint("r", i)
				lines = append(lines, line{id, fmt.Sprintf("%s,%s,%d,%d,%s\n", id, d, 1+r.IntN(3), 1+r.Uint64N(1e9), donorWeight[d])})
			}
			file := func(skip map[string]bool) []byte {
				var b strings.Builder
				b.WriteString("id,donor,gap,amount,weight\n")
				for _, l := range lines {
					if !skip[l.id] {
						b.WriteString(l.text)
					}
				}
				return []byte(b.String())
			}
			_, err := s.Import(1, func(add func(*record.Contribution) error) error {
				return ingest.Contributions("c.csv", file(nil), ingest.Options{}, add)
			})
			require.NoError(t, err)
			voided := map[string]bool{}
			for _, l := range lines[1:] { // the first is always kept
				if r.IntN(3) == 0 {
					voided[l.id] = true
					_, err := s.VoidContribution(1, l.id, "test")
					require.NoError(t, err)
				}
			}
			stored, err := computeStored(s, 1)
			require.NoError(t, err)

			gaps, err := s.Gaps()
			require.NoError(t, err)
			fromFile, err := round.Compute(round.Inputs{Gaps: gaps, Config: cfg, Dedup: true}, func(l *ingest.Loader) error {
				return l.LoadFile("c.csv", file(voided), ingest.Options{})
			})
			require.NoError(t, err)
			require.Equal(t, fromFile.Report.Root, stored.Report.Root)
			a, _ := json.Marshal(stored.Report)
			b, _ := json.Marshal(fromFile.Report)
			require.JSONEq(t, string(b), string(a))
			require.Equal(t, n-len(voided), stored.Report.Contributions)
		})
	}
}

// TestAcceptedPledgesKeepRoundSolvable: the same for a coordinated-QF
// round: whatever pledges (names, weights, limits up to and past 2^200)
// and voids are thrown at it, what the store accepts can be solved.
func TestAcceptedPledgesKeepRoundSolvable(t *testing.T) {
	accepted, refused := 0, 0
	for seed := range uint64(12) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 1800))
			s := propertyStore(t, calc.Config{Mechanism: calc.CQFName, Params: calc.Params{"sigma": "1e-9", "decay": "0.5"}})
			defer s.Close()
			for step := range 25 {
				if r.IntN(5) == 0 {
					var ids []string
					require.NoError(t, s.EachContribution(1, func(row *record.Contribution) error { ids = append(ids, string(row.ID)); return nil }))
					if len(ids) > 0 {
						_, err := s.VoidContribution(1, ids[r.IntN(len(ids))], "property test")
						require.NoError(t, err)
					}
				} else {
					var rows []*record.Contribution
					for range 1 + r.IntN(3) {
						x := &record.Contribution{Donor: []byte(propDonors[r.IntN(len(propDonors))]), Gap: *uint256.NewInt(uint64(1 + r.IntN(3)))}
						if r.IntN(2) == 0 {
							x.ID = []byte(fmt.Sprint("p", r.IntN(10)))
						}
						if r.IntN(8) == 0 {
							x.Weight = []byte("2")
						}
						switch r.IntN(5) {
						case 0:
							x.Amount.Sub(cqf.MaxLimit, uint256.NewInt(r.Uint64N(2))) // 2^200 is refused, 2^200-1 taken
						case 1:
							x.Amount.Lsh(uint256.NewInt(1+r.Uint64N(1000)), uint(r.IntN(190)))
						default:
							x.Amount.SetUint64(1 + r.Uint64N(1e12))
						}
						rows = append(rows, x)
					}
					if _, err := s.Import(1, feed(rows...)); err == nil {
						accepted++
					} else {
						refused++
					}
				}
				rd, err := s.Round(1)
				require.NoError(t, err)
				_, err = round.SolveStoredCQF(s, rd, false)
				require.NoError(t, err, "step %d", step)
			}
		})
	}
	require.Greater(t, accepted, 20)
	require.Greater(t, refused, 20)
}
