package sim

import (
	"encoding/json"
	"math"
	"runtime"
	"testing"

	"github.com/stretchr/testify/require"
)

// societies are the random societies the theorem tests run on: small and
// large, one good and many.
func societies() []Society {
	var out []Society
	for k, n := range []int{4, 7, 12, 20, 30, 45} {
		for r := range 3 {
			out = append(out, GenerateSociety(n, uint64(100*k+r), 2))
		}
	}
	return out
}

// The paper's theorem: without collusion, QF's equilibrium funds every
// good at the Samuelson optimum.
func TestLRQFEquilibriumIsOptimal(t *testing.T) {
	for _, s := range societies() {
		e, err := SolveEquilibrium(s, LRRule{Alpha: 1}, nil)
		require.NoError(t, err)
		for p, f := range s.Optimum() {
			require.InDelta(t, f, e.Funding[p], 1e-7*(1+f), "good %d of %d", p, len(s.Goods))
		}
	}
}

// The optimum maximizes welfare: moving any good's funding either way
// loses welfare.
func TestLROptimumMaximizesWelfare(t *testing.T) {
	for _, s := range societies() {
		opt := s.Optimum()
		w := s.Welfare(opt)
		for p := range opt {
			for _, d := range []float64{-0.01, 0.01, 0.1} {
				f := append([]float64(nil), opt...)
				f[p] = max(0, f[p]+d)
				require.LessOrEqual(t, s.Welfare(f), w+1e-12)
			}
		}
	}
}

// Private contributions under-fund: the good gets what its keenest
// citizen alone would buy, where max_i V_i'(F) = 1 < Σ_i V_i'(F).
func TestLRLinearUnderfunds(t *testing.T) {
	for _, s := range societies() {
		e, err := SolveEquilibrium(s, LRRule{}, nil)
		require.NoError(t, err)
		require.Zero(t, e.Deficit())
		for p, f := range s.Optimum() {
			if f == 0 {
				continue
			}
			require.Less(t, e.Funding[p], f, "good %d", p)
			keenest := 0.0
			for _, v := range s.Goods[p].Values {
				keenest = max(keenest, v.Slope(e.Funding[p]))
			}
			require.InDelta(t, 1, keenest, 1e-5, "nobody wants to add at the equilibrium, and the keenest is at the margin")
		}
		require.Less(t, s.Welfare(e.Funding), s.Welfare(s.Optimum()))
	}
}

// Best responses are global: at an equilibrium no citizen gains by moving
// any one contribution to any value on a fine grid. Funding is computed
// here from the formulas, independently of the solver's bookkeeping
// (pairwise: a move on one good changes k_ij and so the other goods).
func TestLREquilibriumIsNash(t *testing.T) {
	s := GenerateSociety(16, 7, 1)
	for seed := uint64(8); len(s.Goods) < 2; seed++ { // 16 citizens: up to 3 goods
		s = GenerateSociety(16, seed, 1)
	}
	qfFunding := func(c [][]float64) []float64 {
		out := make([]float64, len(c))
		for p, cs := range c {
			sq := 0.0
			for _, x := range cs {
				sq += math.Sqrt(x)
			}
			out[p] = sq * sq
		}
		return out
	}
	const m = 0.1
	pairFunding := func(c [][]float64) []float64 {
		out := make([]float64, len(c))
		for p, cs := range c {
			for i := range cs {
				out[p] += cs[i]
				for j := range cs {
					if i == j {
						continue
					}
					k := 0.0
					for q := range c {
						k += math.Sqrt(c[q][i] * c[q][j])
					}
					if k > 0 {
						out[p] += math.Sqrt(cs[i]*cs[j]) * m / (m + k)
					}
				}
			}
		}
		return out
	}
	for _, tc := range []struct {
		name    string
		rule    LRRule
		funding func([][]float64) []float64
	}{{"qf", LRRule{Alpha: 1}, qfFunding}, {"pairwise", LRRule{M: m}, pairFunding}} {
		t.Run(tc.name, func(t *testing.T) {
			e, err := SolveEquilibrium(s, tc.rule, nil)
			require.NoError(t, err)
			require.InDeltaSlice(t, tc.funding(e.Contrib), e.Funding, 1e-9)
			utility := func(c [][]float64, i int) float64 {
				u := 0.0
				for p, f := range tc.funding(c) {
					u += s.Goods[p].Values[i].At(f) - c[p][i]
				}
				return u
			}
			for i := range s.Citizens {
				base := utility(e.Contrib, i)
				for p := range s.Goods {
					c := make([][]float64, len(e.Contrib))
					for q := range c {
						c[q] = append([]float64(nil), e.Contrib[q]...)
					}
					at := func(x float64) float64 { c[p][i] = x; return utility(c, i) }
					// A grid, then golden-section search around its best point.
					bestK, bestU := 0, math.Inf(-1)
					for k := 0; k <= 200; k++ {
						if u := at(0.5 * float64(k) / 200); u > bestU {
							bestK, bestU = k, u
						}
					}
					lo, hi := 0.5*float64(max(0, bestK-1))/200, 0.5*float64(min(200, bestK+1))/200
					const g = 0.6180339887498949
					for range 100 {
						a, b := hi-g*(hi-lo), lo+g*(hi-lo)
						if at(a) > at(b) {
							hi = b
						} else {
							lo = a
						}
					}
					bestU = max(bestU, at((lo+hi)/2))
					require.LessOrEqual(t, bestU, base+1e-13, "citizen %d, good %d: c = %v does better than %v", i, p, (lo+hi)/2, e.Contrib[p][i])
				}
			}
		})
	}
}

// SME weights: with every weight 1 the mechanism is QF, to the bit; with
// experts at weight w the equilibrium solves the weighted condition
// Σ_i w_i V_i' / (1 − V_i'(1 − w_i)) = 1 (from each citizen's first-order
// condition under F = Σc + (Σ√(wc))² − Σwc).
func TestLRSME(t *testing.T) {
	for _, s := range societies() {
		ones := make([]float64, s.Citizens)
		for i := range ones {
			ones[i] = 1
		}
		qf, err := SolveEquilibrium(s, LRRule{Alpha: 1}, nil)
		require.NoError(t, err)
		same, err := SolveEquilibrium(s, LRRule{Alpha: 1, Weights: ones}, nil)
		require.NoError(t, err)
		require.Equal(t, qf, same)

		sme, err := SolveEquilibrium(s, LRRule{Alpha: 1, Weights: s.Weights}, nil)
		require.NoError(t, err)
		for p, g := range s.Goods {
			cond := 0.0
			for i, v := range g.Values {
				d, w := v.Slope(sme.Funding[p]), s.Weights[i]
				cond += w * d / (1 - d*(1-w))
			}
			require.InDelta(t, 1, cond, 1e-5, "good %d", p)
			require.GreaterOrEqual(t, sme.Funding[p], qf.Funding[p]-1e-9, "experts weighing more fund more")
		}
	}
}

// Capped QF spends the pool (never more), and lands between private
// contributions and full QF.
func TestLRCapped(t *testing.T) {
	for _, s := range societies()[:9] {
		qf, err := SolveEquilibrium(s, LRRule{Alpha: 1}, nil)
		require.NoError(t, err)
		lin, err := SolveEquilibrium(s, LRRule{}, nil)
		require.NoError(t, err)
		pool := 0.3 * qf.Deficit()
		e, alpha, err := solveCapped(s, pool, qf)
		require.NoError(t, err)
		require.LessOrEqual(t, e.Deficit(), pool)
		require.InDelta(t, pool, e.Deficit(), 1e-8*pool)
		require.Greater(t, alpha, 0.0)
		require.Less(t, alpha, 1.0)
		for p := range s.Goods {
			require.Greater(t, e.Funding[p], lin.Funding[p]-1e-9)
			require.Less(t, e.Funding[p], qf.Funding[p]+1e-9)
		}
		full, alpha, err := solveCapped(s, 2*qf.Deficit(), qf)
		require.NoError(t, err)
		require.Equal(t, 1.0, alpha, "a pool larger than QF needs does not bind")
		require.Equal(t, qf.Funding, full.Funding)
	}
}

// Pairwise: a bounded subsidy funds less than QF; as M grows without
// bound it becomes QF and so reaches the optimum (this exercises the
// pairwise best response, whose cross-good terms vanish only then).
func TestLRPairwise(t *testing.T) {
	for _, s := range societies()[:12] {
		qf, err := SolveEquilibrium(s, LRRule{Alpha: 1}, nil)
		require.NoError(t, err)
		pw, err := SolveEquilibrium(s, LRRule{M: 0.1}, nil)
		require.NoError(t, err)
		require.Less(t, sum(pw.Funding), sum(qf.Funding))
		require.Greater(t, pw.Deficit(), 0.0)
		big, err := SolveEquilibrium(s, LRRule{M: 1e9}, nil)
		require.NoError(t, err)
		for p, f := range s.Optimum() {
			require.InDelta(t, f, big.Funding[p], 1e-6*(1+f), "good %d", p)
		}
	}
}

// Pairwise's incremental bookkeeping (k_ij and every good's funding kept
// current through each move) agrees with a recomputation from scratch.
func TestLRPairwiseBookkeeping(t *testing.T) {
	s := GenerateSociety(20, 3, 1)
	for seed := uint64(4); len(s.Goods) < 3; seed++ {
		s = GenerateSociety(20, seed, 1)
	}
	st := &eqState{s: s, r: LRRule{M: 0.05}, u: make([][]float64, len(s.Goods)), sw: make([]float64, s.Citizens)}
	for i := range st.sw {
		st.sw[i] = 1
	}
	for p := range st.u {
		st.u[p] = make([]float64, s.Citizens)
		for i := range st.u[p] {
			st.u[p][i] = 0.05 * float64((p*7+i*3)%5)
		}
	}
	st.refresh()
	for step := range 50 {
		p, i := step%len(s.Goods), (step*7)%s.Citizens
		st.set(p, i, st.bestResponse(p, i))
		fund := append([]float64(nil), st.fund...)
		k := make([][]float64, len(st.k))
		for r := range k {
			k[r] = append([]float64(nil), st.k[r]...)
		}
		st.refresh()
		for q := range fund {
			require.InDelta(t, st.fund[q], fund[q], 1e-12)
		}
		for a := range k {
			for b := range k {
				if a != b {
					require.InDelta(t, st.k[a][b], k[a][b], 1e-12)
				}
			}
		}
	}
}

// Same seed, same report, whatever the number of workers.
func TestLRDeterministic(t *testing.T) {
	cfg := DefaultLRConfig()
	cfg.Societies, cfg.Citizens = 6, 15
	a, err := RunLR(cfg)
	require.NoError(t, err)
	prev := runtime.GOMAXPROCS(1)
	b, err := RunLR(cfg)
	runtime.GOMAXPROCS(prev)
	require.NoError(t, err)
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	require.Equal(t, string(ja), string(jb))
	for _, s := range SummarizeLR(a) {
		require.Zero(t, s.Failures, s.Mechanism)
	}
	require.Equal(t, GenerateSociety(15, 1, 2), a[0].Society)
}

// The generator follows the notebook's distributions.
func TestLRGenerator(t *testing.T) {
	var f0, f1, s []float64
	for seed := range uint64(200) {
		soc := GenerateSociety(30, seed, 3)
		require.NoError(t, soc.check("generated"))
		require.GreaterOrEqual(t, len(soc.Community), 1)
		require.LessOrEqual(t, len(soc.Community), 14)
		require.LessOrEqual(t, len(soc.Goods), max(1, len(soc.Community)/2-1))
		member := map[int]bool{}
		for _, c := range soc.Community {
			member[c] = true
			require.Equal(t, 3.0, soc.Weights[c])
		}
		for _, g := range soc.Goods {
			require.True(t, member[g.Proposer], "goods are proposed by community members")
			for _, v := range g.Values {
				f0, f1, s = append(f0, v.F0), append(f1, v.F1), append(s, v.S)
				require.InDelta(t, v.F0, v.At(0), 1e-15)
				require.InDelta(t, v.F1, v.At(1), 1e-12)
			}
		}
	}
	require.InDelta(t, 10.5, stat(s).Mean, 0.3)
	// f0 ~ N(0.1, 0.3) clipped at 0: P(f0 = 0) = Φ(−1/3) ≈ 0.369.
	zero := 0
	for _, x := range f0 {
		if x == 0 {
			zero++
		}
	}
	require.InDelta(t, 0.369, float64(zero)/float64(len(f0)), 0.02)
	require.Greater(t, stat(f1).Mean, stat(f0).Mean)
}

func TestParseSociety(t *testing.T) {
	good := `{"citizens":2,"community":[0],"goods":[{"proposer":0,"values":[{"f0":0.1,"f1":0.5,"s":3},{"f0":0,"f1":1,"s":10}]}]}`
	s, err := ParseSociety("s.json", []byte(good))
	require.NoError(t, err)
	require.Equal(t, []float64{1, 1}, s.Weights)
	for _, tc := range []struct{ name, json, err string }{
		{"not json", `{`, "s.json: unexpected end of JSON input"},
		{"no citizens", `{"citizens":0,"goods":[]}`, "s.json: citizens: need at least one citizen"},
		{"no goods", `{"citizens":1,"goods":[]}`, "s.json: goods: need at least one good"},
		{"short values", `{"citizens":2,"goods":[{"values":[{"f0":0,"f1":1,"s":1}]}]}`, "s.json: goods[0].values: has 1 value functions, want one per citizen (2)"},
		{"f0 out of range", `{"citizens":1,"goods":[{"values":[{"f0":-0.1,"f1":1,"s":1}]}]}`, "s.json: goods[0].values[0].f0: -0.1 is not in [0, 1]"},
		{"f1 below f0", `{"citizens":1,"goods":[{"values":[{"f0":0.5,"f1":0.4,"s":1}]}]}`, "s.json: goods[0].values[0].f1: 0.4 is not in [f0, 1]"},
		{"flat steepness", `{"citizens":1,"goods":[{"values":[{"f0":0,"f1":1,"s":0}]}]}`, "s.json: goods[0].values[0].s: 0 is not in (0, 1000]"},
		{"bad community", `{"citizens":1,"community":[3],"goods":[{"values":[{"f0":0,"f1":1,"s":1}]}]}`, "s.json: community: citizen 3 is not in 0…0"},
		{"bad weight", `{"citizens":1,"weights":[-1],"goods":[{"values":[{"f0":0,"f1":1,"s":1}]}]}`, "s.json: weights[0]: -1 is not in [0, 1000]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseSociety("s.json", []byte(tc.json))
			require.EqualError(t, err, tc.err)
		})
	}
}

// The report's files: the society round-trips through society.json.
func TestLRFiles(t *testing.T) {
	cfg := DefaultLRConfig()
	cfg.Societies, cfg.Citizens = 2, 10
	res, err := RunLR(cfg)
	require.NoError(t, err)
	files, err := LRFiles(cfg, res)
	require.NoError(t, err)
	require.Len(t, files, 6)
	s, err := ParseSociety("society.json", files["society.json"])
	require.NoError(t, err)
	require.Equal(t, res[0].Society, s)
	again := SolveSociety(s, cfg)
	again.Seed = res[0].Seed
	require.Equal(t, res[0].Outcomes, again.Outcomes)
	require.Contains(t, string(files["lr.md"]), "| QF (unbounded pool) | 1.0000")
}
