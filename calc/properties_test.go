package calc_test

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
)

// tokens is v·10^18 base units.
func tokens(v float64) *big.Int { return e18(v) }

// subsidies runs one mechanism over gaps given as lists of per-donor
// amounts in tokens; donor i of every list is the same donor.
func subsidies(t *testing.T, mech string, params calc.Params, lists ...[]float64) []float64 {
	t.Helper()
	var gifts []gift
	for p, l := range lists {
		for i, v := range l {
			gifts = append(gifts, gift{i, p, tokens(v), 0})
		}
	}
	res := run(t, len(lists), gifts, mech, params, "1000000000000000000000000")
	out := make([]float64, len(lists))
	for p, r := range rawOf(res) {
		out[p], _ = quo(r, fl(1e18)).Float64()
	}
	return out
}

func sub(t *testing.T, d string, a []float64) float64 {
	return subsidies(t, "cluster", calc.Params{"D": d}, a)[0]
}

func scaled(a []float64, k float64) []float64 {
	out := make([]float64, len(a))
	for i, v := range a {
		out[i] = v * k
	}
	return out
}

const (
	lowEnd  = "1e72" // D far above every N*: the bound does not bite
	highEnd = "1e36" // D = (1 token)²: it bites hard
)

// The properties the N_p = M_p² note claims, on our implementation.
func TestClusterNoteProperties(t *testing.T) {
	a := []float64{1, 4, 9, 2, 0.5}
	t.Run("low-end multiplicativeness", func(t *testing.T) {
		for _, k := range []float64{2, 3, 10} {
			require.InEpsilon(t, k*sub(t, lowEnd, a), sub(t, lowEnd, scaled(a, k)), 1e-9)
		}
		// and only at the low end: with the bound biting, scaling gains less.
		require.Less(t, sub(t, highEnd, scaled(a, 10)), 0.5*10*sub(t, highEnd, a))
	})
	t.Run("square-root incentive for a small new donor", func(t *testing.T) {
		base := sub(t, lowEnd, a)
		gain := func(r float64) float64 { return sub(t, lowEnd, append(append([]float64{}, a...), r)) - base }
		for _, r := range []float64{1e-6, 1e-4} {
			require.InDelta(t, 2, gain(4*r)/gain(r), 0.01, "quadrupling a small gift should double its subsidy (r=%g)", r)
		}
	})
	t.Run("split invariance", func(t *testing.T) {
		for _, d := range []string{lowEnd, "1e38", highEnd} {
			two := subsidies(t, "cluster", calc.Params{"D": d}, a, a)
			require.InEpsilon(t, sub(t, d, scaled(a, 2)), two[0]+two[1], 1e-10, "D=%s", d)
		}
		two := subsidies(t, "pairwise", calc.Params{"M": "1e18"}, a, a)
		one := subsidies(t, "pairwise", calc.Params{"M": "1e18"}, scaled(a, 2))
		require.InEpsilon(t, one[0], two[0]+two[1], 1e-10, "pairwise")
	})
	t.Run("monotone in each gift", func(t *testing.T) {
		for _, d := range []string{lowEnd, highEnd} {
			prev := -1.0
			for _, r := range []float64{0.01, 0.1, 0.5, 1, 2, 5} {
				s := sub(t, d, append(append([]float64{}, a...), r))
				require.Greater(t, s, prev, "D=%s r=%g", d, r)
				prev = s
			}
		}
	})
	t.Run("N^1.5 for N equal small donors", func(t *testing.T) {
		const k = 0.01
		for _, n := range []int{2, 5, 10, 40} {
			want := k * float64(n) * math.Sqrt(float64(n-1)) // sqrt(S·Σ_{i≠j} k) = k·N·√(N−1)
			require.InEpsilon(t, want, sub(t, lowEnd, equal(n, k)), 1e-9, "N=%d", n)
		}
		exp := math.Log(sub(t, lowEnd, equal(160, k))/sub(t, lowEnd, equal(40, k))) / math.Log(4)
		require.InDelta(t, 1.5, exp, 0.01)
	})
	t.Run("at most N·√D from one project", func(t *testing.T) {
		for _, n := range []int{2, 10, 50} {
			got := sub(t, highEnd, equal(n, 1e6))
			require.LessOrEqual(t, got, float64(n)*1.0000001) // √D = 1 token
			require.Greater(t, got, 0.5*float64(n))           // and close to it
		}
	})
}

func equal(n int, k float64) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = k
	}
	return out
}

// The note's numpy code divides by (Σ_p sqrt(N_p[i,j]))², not by
// N*[i,j] = ((Σ_p M_p)²)[i,j]. On one project the two agree; once donors
// share several projects they differ, and qf follows the formula.
func TestClusterNoteCodeDiffers(t *testing.T) {
	d := zero().SetInt(tokens(1e18)) // 10^36 = (1 token)²
	one := dense(1, []gift{{0, 0, tokens(1), 0}, {1, 0, tokens(4), 0}, {2, 0, tokens(2), 0}})
	f, n := refCluster(one, 1, d, false), refCluster(one, 1, d, true)
	require.Less(t, relErr(n[0], f[0], f[0]), 1e-60, "one project: same value")

	gifts := []gift{{0, 0, tokens(1), 0}, {1, 0, tokens(4), 0}, {0, 1, tokens(3), 0}, {1, 1, tokens(1), 0}, {2, 1, tokens(2), 0}}
	two := dense(2, gifts)
	f, n = refCluster(two, 2, d, false), refCluster(two, 2, d, true)
	for p := range f {
		ff, _ := f[p].Float64()
		nf, _ := n[p].Float64()
		t.Logf("project %d: formula %.6f tokens, note's code %.6f tokens", p, ff/1e18, nf/1e18)
		require.Greater(t, relErr(n[p], f[p], f[p]), 0.01, "project %d: the two denominators should differ", p)
	}
	res := run(t, 2, gifts, "cluster", calc.Params{"D": "1e36"}, "1000000")
	got := rawOf(res)
	for p := range f {
		require.Less(t, relErr(got[p], f[p], f[p]), 1e-12, "qf follows the formula")
	}
}

// attackRound is a seeded honest round: 80 donors over 8 gaps, each giving
// 1–100 tokens to two or three gaps. Gap 8 (index 7) is the attacker's.
func attackRound() []gift {
	r := rand.New(rand.NewPCG(42, 1))
	var gifts []gift
	for d := range 80 {
		for _, p := range r.Perm(8)[:2+r.IntN(2)] {
			gifts = append(gifts, gift{d, p, tokens(float64(1 + r.IntN(100))), 0})
		}
	}
	return gifts
}

var attackMechs = []struct {
	name   string
	params calc.Params
}{
	{"qf", nil},
	{"pairwise", calc.Params{"M": "10e18"}}, // 10 tokens
	{"cluster", calc.Params{"D": "100e36"}}, // (10 tokens)²
	{"cocm", nil},
}

// shareOf is the pool share of the given gaps.
func shareOf(res *calc.Result, gaps ...int) float64 {
	var s float64
	for _, p := range gaps {
		m, _ := new(big.Float).SetInt(res.Gaps[p].Match.ToBig()).Float64()
		pool, _ := new(big.Float).SetInt(res.Pool.ToBig()).Float64()
		s += m / pool
	}
	return s
}

// rawOfGaps is the raw subsidy of the given gaps, in tokens.
func rawOfGaps(res *calc.Result, gaps ...int) float64 {
	var s float64
	raw := rawOf(res)
	for _, p := range gaps {
		v, _ := quo(raw[p], fl(1e18)).Float64()
		s += v
	}
	return s
}

// A whale's 2000 tokens to the attacker's gap split into 50 wallets, and 20
// colluders giving 50 tokens each to the same two gaps: the subsidy each
// attack creates for its gaps (raw, in tokens) and the share of the pool
// it moves to them.
//
// Every bounded mechanism creates far less subsidy from either attack than
// qf. As shares of a fixed pool the picture differs: pairwise penalizes
// honest donors who give across several gaps (large k_ij) more than the
// attack's single-gap wallets, so the attackers' share still grows as much
// as under qf; cluster halves it; cocm leaves the split wallets nothing.
func TestSybilAndCollusionGains(t *testing.T) {
	const pool = "1000000000000000000000000"
	base := attackRound()
	single := append(append([]gift{}, base...), gift{100, 7, tokens(2000), 0})
	var split []gift
	split = append(split, base...)
	for w := range 50 {
		split = append(split, gift{100 + w, 7, tokens(40), 0})
	}
	colluded := append([]gift{}, base...)
	for w := range 20 {
		colluded = append(colluded, gift{200 + w, 6, tokens(50), 0}, gift{200 + w, 7, tokens(50), 0})
	}
	type gain struct{ sybilRaw, sybilShare, collRaw, collShare float64 }
	gains := map[string]gain{}
	for _, m := range attackMechs {
		sp, si := run(t, 8, split, m.name, m.params, pool), run(t, 8, single, m.name, m.params, pool)
		co, ba := run(t, 8, colluded, m.name, m.params, pool), run(t, 8, base, m.name, m.params, pool)
		g := gain{rawOfGaps(sp, 7) - rawOfGaps(si, 7), shareOf(sp, 7) - shareOf(si, 7),
			rawOfGaps(co, 6, 7) - rawOfGaps(ba, 6, 7), shareOf(co, 6, 7) - shareOf(ba, 6, 7)}
		gains[m.name] = g
		t.Logf("%-9s sybil: +%9.1f tokens of subsidy, %+6.2f%% of pool;  collusion: +%9.1f tokens, %+6.2f%% of pool",
			m.name, g.sybilRaw, 100*g.sybilShare, g.collRaw, 100*g.collShare)
	}
	q := gains["qf"]
	for _, m := range attackMechs[1:] {
		g := gains[m.name]
		require.Less(t, g.sybilRaw, q.sybilRaw/3, "%s: subsidy created by the split", m.name)
		require.Less(t, g.collRaw, q.collRaw/3, "%s: subsidy created by the colluders", m.name)
	}
	require.Less(t, gains["cluster"].sybilShare, 0.7*q.sybilShare)
	require.Less(t, gains["cluster"].collShare, 0.6*q.collShare)
	require.Less(t, gains["cocm"].sybilShare, 0.01*q.sybilShare)
	require.Less(t, gains["cocm"].collShare, 0.4*q.collShare)
}
