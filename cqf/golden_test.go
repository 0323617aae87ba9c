package cqf_test

import (
	"encoding/csv"
	"encoding/json"
	"math/big"
	"os"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/cqf"
	"github.com/qf-dev/qf/internal/testdata"
)

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
			policy := cqf.Policy{Sigma: sigma, Decay: decay}
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
				sol, err := cqf.Solve(policy.Pledges(limits[g.Gap]), false)
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

func mustUint(t *testing.T, s string) *uint256.Int {
	t.Helper()
	v, err := uint256.FromDecimal(s)
	if err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	return v
}
