package calc_test

import (
	"encoding/csv"
	"encoding/json"
	"math/big"
	"os"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/internal/testdata"
)

// TestGoldenRounds computes each golden pool round of the top-level
// testdata/ (demo, capped, weighted) with calc alone — its inputs read here
// with encoding/csv, weights and scores applied as the README says — and
// requires every gap's match, direct sum, contributor count and recipient,
// and the round's totals, that qf published in the folder's report.json.
func TestGoldenRounds(t *testing.T) {
	for _, r := range testdata.Rounds {
		if r.CQF {
			continue // TestGoldenCQF
		}
		t.Run(r.Name, func(t *testing.T) {
			var rep struct {
				Pool, Matched, Unspent, Direct string
				Contributions, Donors          int
				Gaps                           []struct {
					Gap, Recipient, Direct, Match string
					Contributors                  int
				}
			}
			readJSON(t, r.Path("report.json"), &rep)

			gaps := goldenGaps(t, r)
			tally, err := calc.NewTally(gaps, nil)
			if err != nil {
				t.Fatal(err)
			}
			var scale *calc.ScoreScale
			if r.ScoreScale != "" {
				if scale, err = calc.ParseScoreScale(r.ScoreScale); err != nil {
					t.Fatal(err)
				}
			}
			rows := readCSV(t, r.Contributions())
			weights := map[string]calc.Bps{}
			for _, row := range rows {
				donor, err := calc.NormalizeDonor(row["donor"])
				if err != nil {
					t.Fatal(err)
				}
				gap, amount := mustUint(t, row["gap"]), mustUint(t, row["amount"])
				if err := tally.Add(donor, gap, amount); err != nil {
					t.Fatalf("%v: %v", row, err)
				}
				w := calc.One
				if s, ok := row["weight"]; ok {
					if w, err = calc.ParseWeight(s); err != nil {
						t.Fatal(err)
					}
				}
				if scale != nil { // weight × the score's weight, floored to a basis point
					sw, err := scale.Weight(row["score"])
					if err != nil {
						t.Fatal(err)
					}
					w = calc.Bps(uint64(w) * uint64(sw) / uint64(calc.One))
				}
				weights[donor] = w
			}
			for donor, w := range weights {
				tally.SetWeight(tally.DonorIndex(donor), w)
			}
			res, err := calc.Compute(tally, calc.Config{Mechanism: "qf", Pool: *mustUint(t, testdata.Pool), CapBps: r.CapBps})
			if err != nil {
				t.Fatal(err)
			}

			if len(res.Gaps) != len(rep.Gaps) {
				t.Fatalf("%d gaps computed, %d published", len(res.Gaps), len(rep.Gaps))
			}
			sum := new(uint256.Int)
			for i, g := range res.Gaps {
				want := rep.Gaps[i]
				if g.Gap.Dec() != want.Gap || g.Recipient != common.HexToAddress(want.Recipient) || g.Contributors != want.Contributors ||
					g.Direct.Dec() != want.Direct || g.Match.Dec() != want.Match {
					t.Errorf("gap %s: computed recipient %s, %d contributors, direct %s, match %s; published gap %s: %s, %d, %s, %s",
						g.Gap.Dec(), g.Recipient, g.Contributors, g.Direct.Dec(), g.Match.Dec(),
						want.Gap, want.Recipient, want.Contributors, want.Direct, want.Match)
				}
				sum.Add(sum, &g.Match)
			}
			unspent := res.Unspent()
			for _, c := range []struct{ name, got, want string }{
				{"pool", res.Pool.Dec(), rep.Pool},
				{"matched", res.Matched.Dec(), rep.Matched},
				{"Σ match", sum.Dec(), rep.Matched},
				{"unspent", unspent.Dec(), rep.Unspent},
				{"direct", res.Direct.Dec(), rep.Direct},
			} {
				if c.got != c.want {
					t.Errorf("%s: computed %s, published %s", c.name, c.got, c.want)
				}
			}
			if res.Rows != rep.Contributions || res.Donors != rep.Donors {
				t.Errorf("computed %d contributions from %d donors, published %d from %d", res.Rows, res.Donors, rep.Contributions, rep.Donors)
			}
			if sum.Cmp(&res.Pool) > 0 {
				t.Errorf("Σ match %s exceeds the pool %s", sum.Dec(), res.Pool.Dec())
			}
		})
	}
}

// TestGoldenCQF solves the golden cqf round's gaps with SolveCQF (pledges
// in file order, a pledger's pledges to a gap summed at its first, σ from
// the round's policy) and requires every payment, refund and total that qf
// cqf published in cqf.json.
func TestGoldenCQF(t *testing.T) {
	for _, r := range testdata.Rounds {
		if !r.CQF {
			continue
		}
		t.Run(r.Name, func(t *testing.T) {
			var pub struct {
				Gaps []struct {
					Gap, Total, Limits string
					Pledges            []struct{ Donor, Limit, Pay, Refund string }
				}
			}
			readJSON(t, r.Path("cqf.json"), &pub)
			sigma, ok1 := new(big.Rat).SetString(r.Sigma)
			decay, ok2 := new(big.Rat).SetString(r.Decay)
			if !ok1 || !ok2 {
				t.Fatalf("bad policy %q %q", r.Sigma, r.Decay)
			}
			policy := calc.CQFPolicy{Sigma: sigma, Decay: decay}
			type pledger struct{ gap, donor string }
			limits := map[string][]uint256.Int{}
			donors := map[string][]string{}
			at := map[pledger]int{}
			for _, row := range readCSV(t, r.Contributions()) {
				donor, err := calc.NormalizeDonor(row["donor"])
				if err != nil {
					t.Fatal(err)
				}
				g, k := row["gap"], pledger{row["gap"], donor}
				i, seen := at[k]
				if !seen {
					i = len(limits[g])
					at[k] = i
					limits[g] = append(limits[g], uint256.Int{})
					donors[g] = append(donors[g], donor)
				}
				limits[g][i].Add(&limits[g][i], mustUint(t, row["amount"]))
			}
			if len(pub.Gaps) != len(limits) {
				t.Fatalf("%d gaps pledged to, %d published", len(limits), len(pub.Gaps))
			}
			for _, g := range pub.Gaps {
				sol, err := calc.SolveCQF(policy.Pledges(limits[g.Gap]), false)
				if err != nil {
					t.Fatalf("gap %s: %v", g.Gap, err)
				}
				if sol.Total.Dec() != g.Total {
					t.Errorf("gap %s: total %s, published %s", g.Gap, sol.Total.Dec(), g.Total)
				}
				if len(g.Pledges) != len(sol.Pay) {
					t.Fatalf("gap %s: %d pledges solved, %d published", g.Gap, len(sol.Pay), len(g.Pledges))
				}
				for i, p := range g.Pledges {
					if !common.IsHexAddress(p.Donor) || !equalFoldAddr(p.Donor, donors[g.Gap][i]) || limits[g.Gap][i].Dec() != p.Limit ||
						sol.Pay[i].Dec() != p.Pay || sol.Refund[i].Dec() != p.Refund {
						t.Errorf("gap %s pledge %d: %s limit %s pays %s, refund %s; published %s limit %s pays %s, refund %s", g.Gap, i,
							donors[g.Gap][i], limits[g.Gap][i].Dec(), sol.Pay[i].Dec(), sol.Refund[i].Dec(), p.Donor, p.Limit, p.Pay, p.Refund)
					}
				}
			}
		})
	}
}

func equalFoldAddr(a, b string) bool { return common.HexToAddress(a) == common.HexToAddress(b) }

// goldenGaps reads a golden round's gap registry.
func goldenGaps(t *testing.T, r testdata.Round) []calc.Gap {
	t.Helper()
	var gaps []calc.Gap
	for _, row := range readCSV(t, r.Gaps()) {
		gaps = append(gaps, calc.Gap{ID: *mustUint(t, row["gap"]), Recipient: common.HexToAddress(row["recipient"])})
	}
	return gaps
}

// readCSV reads a CSV file with a header into one map per row.
func readCSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var rows []map[string]string
	for _, rec := range recs[1:] {
		row := map[string]string{}
		for i, col := range recs[0] {
			row[col] = rec[i]
		}
		rows = append(rows, row)
	}
	return rows
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

func mustUint(t *testing.T, s string) *uint256.Int {
	t.Helper()
	v, err := uint256.FromDecimal(s)
	if err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	return v
}
