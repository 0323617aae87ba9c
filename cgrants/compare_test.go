package cgrants

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"math"
	"math/big"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
)

func configs(names ...string) []calc.Config {
	var cfgs []calc.Config
	for _, n := range names {
		c := calc.Config{Mechanism: n}
		switch n {
		case "pairwise":
			c.Params = calc.Params{"M": "25e18"}
		case "cluster":
			c.Params = calc.Params{"D": "625e36"}
		}
		cfgs = append(cfgs, c)
	}
	return cfgs
}

// handRound: X gets 1 and 4 from a and b, raw (1+2)²−5 = 4; Y gets 1 each
// from a and c, raw 2; Z gets 9 from d alone, raw 0. Published 200, 100, 0:
// exactly QF's shares of the 300 pool.
const handGifts = `time_sequence,created_on,contributor,grant,amount,flag
0,2019-02-01 10:00:00.0-07:00,a,X,1,0
1,2019-02-01 10:00:00.0-07:00,b,X,4,0
2,2019-02-01 10:00:00.0-07:00,a,Y,1,0
3,2019-02-01 10:00:00.0-07:00,c,Y,1,0
4,2019-02-01 10:00:00.0-07:00,d,Z,9,0
5,2019-02-01 10:00:00.0-07:00,d,W,2,0
`
const handGrants = `round_number,grant_title,match_amount
1,X,200
1,Y,100
1,Z,0
1,V,0
`

func TestCompareByHand(t *testing.T) {
	rs, err := Load(writeData(t, handGifts, fixtureRounds, handGrants), []int{1})
	require.NoError(t, err)
	c, err := Compare(rs[0], configs("qf", "linear"))
	require.NoError(t, err)
	require.Equal(t, []string{"W", "X", "Y", "Z"}, rs[0].Grants)
	require.Equal(t, []int{1, 2, 3}, c.Joined) // W has no published match, V no contributions
	require.Equal(t, "300", c.Pool)
	require.InDelta(t, 1.0, c.Coverage, 0)

	qf := c.Outcomes[0]
	e18 := new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)
	for i, want := range []int64{0, 200, 100, 0} {
		require.Equal(t, new(big.Int).Mul(big.NewInt(want), e18).String(), qf.Matches[i].String(), rs[0].Grants[i])
	}
	require.InDelta(t, 1.0, qf.Pearson, 1e-12)
	require.InDelta(t, 1.0, qf.Spearman, 1e-12)

	// linear pays by direct funding, X:Y:Z = 5:2:9 against 2:1:0 published:
	// r = −4/√(222/9 · 2) = −12/√444, and ρ: ranks (2,1,3) vs (3,2,1) = −0.5.
	lin := c.Outcomes[1]
	require.InDelta(t, -12/math.Sqrt(444), lin.Pearson, 1e-12)
	require.InDelta(t, -0.5, lin.Spearman, 1e-12)
}

func TestCompareReportsRefusals(t *testing.T) {
	// Amounts 24 orders apart leave cocm's fixed point short: it refuses,
	// and the comparison goes on and says so.
	gifts := handGifts + "6,2019-02-01 10:00:00.0-07:00,e,X,1e-17,0\n7,2019-02-01 10:00:00.0-07:00,e,Z,1e-17,0\n" +
		"8,2019-02-01 10:00:00.0-07:00,f,Y,1000000,0\n9,2019-02-01 10:00:00.0-07:00,f,Z,1000000,0\n"
	rs, err := Load(writeData(t, gifts, fixtureRounds, handGrants), []int{1})
	require.NoError(t, err)
	c, err := Compare(rs[0], configs("cocm", "qf"))
	require.NoError(t, err)
	require.NotEmpty(t, c.Outcomes[0].Err, "cocm should refuse this round")
	require.Contains(t, c.Outcomes[0].Err, "precision")
	require.Nil(t, c.Outcomes[0].Matches)
	require.Empty(t, c.Outcomes[1].Err)
	require.Contains(t, Table([]*Comparison{c}), "| refused |")
}

func TestRanks(t *testing.T) {
	require.Equal(t, []float64{2, 4, 2, 2, 5}, ranks([]float64{1, 3, 1, 1, 9}))
	require.Equal(t, 0.0, Pearson([]float64{1, 1}, []float64{1, 2}))
}

// floatQF is an independent float64 QF over the gifts: (Σ_i √c_i)² − Σ c_i
// per grant, donors summed first, shares of the pool.
func floatQF(r *Round) []float64 {
	per := make([]map[string]float64, len(r.Grants))
	for i := range per {
		per[i] = map[string]float64{}
	}
	for _, g := range r.Gifts {
		f, _ := new(big.Float).SetInt(g.Amount.ToBig()).Float64()
		per[g.Grant][g.Donor] += f / 1e18
	}
	raw := make([]float64, len(per))
	total := 0.0
	for i, d := range per {
		s, c := 0.0, 0.0
		for _, v := range d {
			s += math.Sqrt(v)
			c += v
		}
		raw[i] = math.Max(0, s*s-c)
		total += raw[i]
	}
	pool := usd(r.PublishedTotal)
	for i := range raw {
		raw[i] = raw[i] / total * pool
	}
	return raw
}

// TestGitcoinRounds runs the real GR1–GR8 data (testdata/gitcoin, copied
// from ../shared/data/gitcoin-cgrants).
func TestGitcoinRounds(t *testing.T) {
	rounds := []int{1, 2, 3, 4, 5, 6, 7, 8}
	rs, err := Load("testdata/gitcoin", rounds)
	require.NoError(t, err)
	// Contributions in each window, counted by an independent script
	// (Python csv + datetime over the same files).
	wantGifts := []int{131, 249, 2008, 5254, 5661, 8403, 12485, 20789}
	wantGrants := []int{27, 49, 74, 215, 319, 456, 474, 593}
	var comps []*Comparison
	for k, r := range rs {
		t.Run(fmt.Sprintf("GR%d", r.Number), func(t *testing.T) {
			require.Len(t, r.Gifts, wantGifts[k])
			require.Len(t, r.Grants, wantGrants[k])
			c, err := Compare(r, configs("qf", "pairwise", "cluster", "cocm"))
			require.NoError(t, err)
			comps = append(comps, c)
			for _, o := range c.Outcomes {
				require.Empty(t, o.Err, o.Mechanism)
			}
			// qf's exact payouts agree with float64 QF to 1e-9 of the pool.
			ref := floatQF(r)
			pool := usd(r.PublishedTotal)
			for i := range ref {
				require.InDelta(t, ref[i], usd(c.Outcomes[0].Matches[i]), 1e-9*pool, r.Grants[i])
			}
			// Σ payouts is the pool, to the unit, for every mechanism.
			for _, o := range c.Outcomes {
				sum := new(big.Int)
				for _, m := range o.Matches {
					sum.Add(sum, m)
				}
				require.Equal(t, r.PublishedTotal, sum, o.Mechanism)
			}
			// The data's README: plain QF reproduces GR1–GR3 at r ≈ 0.89–0.96.
			if r.Number <= 3 {
				require.Greater(t, c.Outcomes[0].Pearson, 0.89)
			}
			// GR7 and GR8 used pairwise matching: pairwise fits them better.
			if r.Number >= 7 {
				require.Greater(t, c.Outcomes[1].Pearson, c.Outcomes[0].Pearson+0.05)
			}
		})
	}
	files, err := Report(rs, comps)
	require.NoError(t, err)
	// The report kept in docs/ (and quoted in the README) is current.
	docs, err := os.ReadFile("../docs/gitcoin/gitcoin.md")
	require.NoError(t, err)
	require.Equal(t, string(docs), string(files["gitcoin.md"]), "rerun: qf report gitcoin --data cgrants/testdata/gitcoin --out docs/gitcoin")
	for _, name := range []string{"gitcoin.md", "gitcoin.json", "gitcoin-matches.csv", "gitcoin-correlation.svg", "gitcoin-gr1.svg", "gitcoin-gr8.svg"} {
		require.Contains(t, files, name)
	}
	rows, err := csv.NewReader(bytes.NewReader(files["gitcoin-matches.csv"])).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 1+sum(wantGrants))
	require.Equal(t, []string{"round", "grant", "published_usd", "qf_usd", "pairwise_usd", "cluster_usd", "cocm_usd"}, rows[0])
	require.Contains(t, string(files["gitcoin.md"]), "| GR1 | 131 | 39 | 27 | 25 | 96.0% | 0.928")
	for name, b := range files {
		if strings.HasSuffix(name, ".svg") {
			require.NoError(t, xml.Unmarshal(b, new(struct{})), name)
		}
	}
	// One scatter point per joined grant and mechanism, except zeros, which
	// a log axis cannot show.
	points := 0
	for _, o := range comps[7].Outcomes {
		for _, i := range comps[7].Joined {
			if o.Matches[i].Sign() > 0 && rs[7].Published[rs[7].Grants[i]].Sign() > 0 {
				points++
			}
		}
	}
	require.Greater(t, points, 3*len(comps[7].Joined))
	require.Equal(t, points, strings.Count(string(files["gitcoin-gr8.svg"]), "<circle"))
}

func sum(v []int) int {
	s := 0
	for _, x := range v {
		s += x
	}
	return s
}
