package calc

import (
	"math"
	"math/big"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"
)

const refPrec = 256

// refCQF is the reference: f(h) = Σ √(L·(2/π)·atan(σh)) (or Σ L·(2/π)·atan(σh))
// in 256-bit math/big, written out directly.
type refCQF struct {
	ps     []CQFPledge
	linear bool
	halfPi *big.Float
}

func newRefCQF(ps []CQFPledge, linear bool) *refCQF {
	one := new(big.Float).SetPrec(refPrec).SetInt64(1)
	return &refCQF{ps: ps, linear: linear, halfPi: new(big.Float).SetPrec(refPrec).Mul(bigAtan(one), big.NewFloat(2))}
}

func (r *refCQF) pay(i int, h *big.Float) *big.Float {
	x := new(big.Float).SetPrec(refPrec).SetRat(r.ps[i].Sigma)
	x.Mul(x, h)
	a := bigAtan(x)
	a.Quo(a, r.halfPi)
	return a.Mul(a, new(big.Float).SetPrec(refPrec).SetInt(r.ps[i].Limit.ToBig()))
}

func (r *refCQF) f(h *big.Float) *big.Float {
	s := new(big.Float).SetPrec(refPrec)
	for i := range r.ps {
		p := r.pay(i, h)
		if !r.linear {
			p.Sqrt(p)
		}
		s.Add(s, p)
	}
	return s
}

// top is Σ √L (Σ L when linear).
func (r *refCQF) top() *big.Float {
	s := new(big.Float).SetPrec(refPrec)
	for _, p := range r.ps {
		l := new(big.Float).SetPrec(refPrec).SetInt(p.Limit.ToBig())
		if !r.linear {
			l.Sqrt(l)
		}
		s.Add(s, l)
	}
	return s
}

// root bisects g = f − h on [0, top] to 2^-200.
func (r *refCQF) root() *big.Float {
	lo, hi := new(big.Float).SetPrec(refPrec), r.top()
	for range 200 {
		m := new(big.Float).SetPrec(refPrec).Add(lo, hi)
		m.Quo(m, big.NewFloat(2))
		if r.f(m).Cmp(m) > 0 {
			lo = m
		} else {
			hi = m
		}
	}
	return hi
}

func f64(b *big.Float) float64 { f, _ := b.Float64(); return f }

// randomPledges spans limits over orders decades (from 10^3 base units)
// and saturation speeds over speeds decades around 1/√L.
func randomPledges(rng *rand.Rand, n int, orders, speeds float64) []CQFPledge {
	ps := make([]CQFPledge, n)
	for i := range ps {
		l := math.Pow(10, 3+orders*rng.Float64())
		b, _ := new(big.Float).SetFloat64(l).Int(nil)
		ps[i].Limit.SetFromBig(b)
		s := math.Pow(10, speeds*(rng.Float64()-0.5)) / math.Sqrt(l)
		ps[i].Sigma = new(big.Rat).SetFloat64(s)
	}
	return ps
}

// TestCQFAgainstReference checks the stated precision on random gaps:
// the h returned satisfies |h − f(h)| ≤ 2^-50·Σ√L with f evaluated at 256
// bits, and each pay_i is floor(L_i·u_i(h)) within 1 + L_i·2^-58.
func TestCQFAgainstReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 5))
	for _, linear := range []bool{false, true} {
		for trial := range 30 {
			ps := randomPledges(rng, 1+rng.IntN(8), 27, 8)
			sol, err := SolveCQF(ps, linear)
			require.NoError(t, err)
			ref := newRefCQF(ps, linear)
			top := ref.top()
			resid := new(big.Float).Sub(ref.f(sol.H), sol.H)
			require.LessOrEqual(t, math.Abs(f64(resid)), f64(top)*math.Pow(2, -50), "trial %d linear %v: residual", trial, linear)
			total := new(uint256.Int)
			for i, p := range ps {
				want := ref.pay(i, sol.H)
				diff := math.Abs(f64(new(big.Float).Sub(want, new(big.Float).SetInt(sol.Pay[i].ToBig()))))
				require.LessOrEqual(t, diff, 1+f64(new(big.Float).SetInt(p.Limit.ToBig()))*math.Pow(2, -58), "trial %d pledge %d", trial, i)
				require.True(t, sol.Pay[i].Lt(&p.Limit), "pay below the limit")
				var sum uint256.Int
				require.Equal(t, p.Limit, *sum.Add(&sol.Pay[i], &sol.Refund[i]))
				total.Add(total, &sol.Pay[i])
			}
			require.Equal(t, *total, sol.Total)
			// And h is the root itself, to 1e-9 of Σ√L on these
			// well-conditioned gaps.
			require.InDelta(t, f64(ref.root()), f64(sol.H), 1e-9*f64(top), "trial %d: root", trial)
		}
	}
}

func TestCQFByHand(t *testing.T) {
	// One pledge with L = 4, σ = 1: h = 2·√((2/π)·atan(h)); the root solves
	// h²/4 = (2/π)·atan(h): h ≈ 1.60703 (at 1.60703: h²/4 = 0.645636 and
	// atan(1.60703) = 1.014164 rad, × 2/π = 0.645636).
	sol, err := SolveCQF([]CQFPledge{{Limit: *uint256.NewInt(4_000_000_000_000), Sigma: big.NewRat(1, 1_000_000)}}, false)
	require.NoError(t, err)
	// Scaled by 10^12: h = 1.60703·10^6 (√base units), pay = h² = L·0.645636 ≈ 2.582545·10^12.
	require.InDelta(t, 1.60703e6, f64(sol.H), 10)
	require.InDelta(t, 2.582545e12, float64(sol.Pay[0].Uint64()), 0.00001e12)
	// A lone pledger's marginal leverage is 1: nobody else pays.
	require.InDelta(t, 1.0, sol.Leverage[0], 1e-12)

	// Linear with two pledges of L = 2^40 and σ = 2^-40: with y = h/2^40 the
	// equation is y = (4/π)·atan(y), whose positive root is y = 1
	// (atan(1) = π/4). So h = 2^40 and each pays L·(2/π)·(π/4) = 2^39.
	two := []CQFPledge{
		{Limit: *uint256.NewInt(1 << 40), Sigma: big.NewRat(1, 1<<40)},
		{Limit: *uint256.NewInt(1 << 40), Sigma: big.NewRat(1, 1<<40)},
	}
	lin, err := SolveCQF(two, true)
	require.NoError(t, err)
	require.InDelta(t, float64(1<<40), f64(lin.H), 1)
	require.InDelta(t, float64(1<<39), float64(lin.Pay[0].Uint64()), 1)
	require.Equal(t, lin.Pay[0], lin.Pay[1])
	// Each one's marginal leverage: (1 + P'k)/(1 + p'k) with k = 1/(1 − f'),
	// f' = P' = 2·L·(2/π)·σ/(1+1) = 2/π: (1 + (2/π)/(1−2/π))/(1 + (1/π)/(1−2/π)).
	f := 2 / math.Pi
	require.InDelta(t, (1+f/(1-f))/(1+f/2/(1-f)), lin.Leverage[0], 1e-12)

	empty, err := SolveCQF(nil, false)
	require.NoError(t, err)
	require.True(t, empty.Total.IsZero())
}

func TestCQFErrors(t *testing.T) {
	huge := new(uint256.Int).Set(CQFMaxLimit)
	for _, tc := range []struct {
		name string
		p    CQFPledge
		want string
	}{
		{"zero limit", CQFPledge{Sigma: big.NewRat(1, 1)}, "pledge 1: limit 0 must be between 1 and 2^200"},
		{"huge limit", CQFPledge{Limit: *huge, Sigma: big.NewRat(1, 1)}, "must be between 1 and 2^200"},
		{"no speed", CQFPledge{Limit: *uint256.NewInt(5)}, "pledge 1: saturation speed must be positive"},
		{"negative speed", CQFPledge{Limit: *uint256.NewInt(5), Sigma: big.NewRat(-1, 2)}, "saturation speed must be positive"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := SolveCQF([]CQFPledge{tc.p}, false)
			require.ErrorIs(t, err, ErrPledge)
			require.ErrorContains(t, err, tc.want)
		})
	}
	t.Run("no convergence", func(t *testing.T) {
		defer func(n int) { cqfMaxIter = n }(cqfMaxIter)
		cqfMaxIter = 2
		_, err := SolveCQF(randomPledges(rand.New(rand.NewPCG(1, 1)), 50, 10, 4), false)
		require.ErrorIs(t, err, ErrNoConvergence)
		require.ErrorContains(t, err, "after 2 iterations")
	})
}

// TestCQFMonotone: a new pledge never lowers anyone's payment or the pot.
func TestCQFMonotone(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for trial := range 40 {
		ps := randomPledges(rng, 2+rng.IntN(30), 12, 4)
		before, err := SolveCQF(ps[:len(ps)-1], trial%2 == 1)
		require.NoError(t, err)
		after, err := SolveCQF(ps, trial%2 == 1)
		require.NoError(t, err)
		require.False(t, after.Total.Lt(&before.Total), "trial %d: the pot fell", trial)
		for i := range before.Pay {
			require.False(t, after.Pay[i].Lt(&before.Pay[i]), "trial %d: pledge %d pays less", trial, i)
		}
		require.GreaterOrEqual(t, f64(after.H), f64(before.H))
	}
}

// TestCQFLeverageFiniteDifference compares the marginal leverage with
// re-solving after raising one pledge's limit by a millionth.
func TestCQFLeverageFiniteDifference(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for trial := range 20 {
		ps := randomPledges(rng, 2+rng.IntN(10), 2, 3)
		for i := range ps { // large limits: rounding to base units is negligible
			ps[i].Limit.Mul(&ps[i].Limit, uint256.NewInt(1_000_000_000_000_000))
			ps[i].Sigma.Quo(ps[i].Sigma, big.NewRat(31_622_776, 1)) // keep σ·√L
		}
		linear := trial%2 == 1
		base, err := SolveCQF(ps, linear)
		require.NoError(t, err)
		k := rng.IntN(len(ps))
		bumped := append([]CQFPledge(nil), ps...)
		var d uint256.Int
		d.Div(&ps[k].Limit, uint256.NewInt(1_000_000))
		bumped[k].Limit.Add(&ps[k].Limit, &d)
		next, err := SolveCQF(bumped, linear)
		require.NoError(t, err)
		dTotal := new(big.Int).Sub(next.Total.ToBig(), base.Total.ToBig())
		dOwn := new(big.Int).Sub(next.Pay[k].ToBig(), base.Pay[k].ToBig())
		fd, _ := new(big.Rat).SetFrac(dTotal, dOwn).Float64()
		require.InEpsilon(t, fd, base.Leverage[k], 1e-4, "trial %d pledge %d", trial, k)
		require.GreaterOrEqual(t, base.Leverage[k], 1.0)
	}
}

func TestCQFDeterministic(t *testing.T) {
	ps := randomPledges(rand.New(rand.NewPCG(3, 3)), 20000, 15, 6)
	s1, err := newCQFSolver(ps, false)
	require.NoError(t, err)
	h1, it1, err := s1.solve(0, 0, 1)
	require.NoError(t, err)
	s2, _ := newCQFSolver(ps, false)
	h2, it2, err := s2.solve(0, 0, 4)
	require.NoError(t, err)
	require.Equal(t, h1, h2)
	require.Equal(t, it1, it2)
	a, _ := SolveCQF(ps, false)
	b, _ := SolveCQF(ps, false)
	require.Equal(t, a.Pay, b.Pay)
}

func BenchmarkSolveCQF(b *testing.B) {
	for _, n := range []int{1000, 100000} {
		ps := randomPledges(rand.New(rand.NewPCG(1, 2)), n, 6, 4)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := SolveCQF(ps, false); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestCQFFiveAgents replays the note's example: five agents join one by
// one under a decreasing σ. Early pledges end near saturation, later ones
// stay unsaturated, and every arrival raises the pot by more than it pays.
func TestCQFFiveAgents(t *testing.T) {
	limits := make([]uint256.Int, 5)
	for i := range limits {
		limits[i].SetUint64(1_000_000) // equal limits: only the order differs
	}
	pol := CQFPolicy{Sigma: big.NewRat(1, 400), Decay: big.NewRat(3, 1)}
	ps := pol.Pledges(limits)
	require.Equal(t, big.NewRat(1, 2800), ps[2].Sigma) // σ/(1 + 3·2)
	sol, err := SolveCQF(ps, false)
	require.NoError(t, err)
	sat := make([]float64, 5)
	for i := range sat {
		sat[i] = float64(sol.Pay[i].Uint64()) / 1e6
	}
	t.Logf("saturation in join order: %.3f", sat)
	for i := 1; i < 5; i++ {
		require.Less(t, sat[i], sat[i-1], "a later pledge is less saturated")
	}
	require.Greater(t, sat[0], 0.9, "the first pledge is near its limit")
	require.Less(t, sat[4], 0.6, "the last pledge is far from it")
	// The latest pledge has the most leverage on the margin.
	require.Greater(t, sol.Leverage[4], sol.Leverage[0])

	join, err := CQFJoinLeverage(ps, false)
	require.NoError(t, err)
	one := big.NewRat(1, 1)
	require.Zero(t, join[0].Cmp(one), "the first pledge alone: the pot is what it pays")
	for k := 1; k < 5; k++ {
		require.Positive(t, join[k].Cmp(one), "pledge %d raised the pot by more than it paid", k+1)
	}
	// Under a constant σ all five saturate alike.
	flat, err := SolveCQF(CQFPolicy{Sigma: big.NewRat(1, 100)}.Pledges(limits), false)
	require.NoError(t, err)
	for i := 1; i < 5; i++ {
		require.Equal(t, flat.Pay[0], flat.Pay[i])
	}
}

func TestCQFJoinLeverageMatchesPrefixes(t *testing.T) {
	ps := randomPledges(rand.New(rand.NewPCG(11, 12)), 12, 6, 3)
	join, err := CQFJoinLeverage(ps, false)
	require.NoError(t, err)
	for k := 1; k < len(ps); k++ {
		a, err := SolveCQF(ps[:k], false)
		require.NoError(t, err)
		b, err := SolveCQF(ps[:k+1], false)
		require.NoError(t, err)
		want := new(big.Rat).SetFrac(new(big.Int).Sub(b.Total.ToBig(), a.Total.ToBig()), b.Pay[k].ToBig())
		got, _ := join[k].Float64()
		w, _ := want.Float64()
		require.InEpsilon(t, w, got, 1e-9, "pledge %d", k+1)
	}
	_, err = CQFJoinLeverage(make([]CQFPledge, CQFMaxJoin+1), false)
	require.ErrorContains(t, err, "over 5000")
}

// TestCQFConfig: a cqf round's parameters and the pool settings it refuses.
func TestCQFConfig(t *testing.T) {
	good := func(p Params) Config { return Config{Mechanism: CQFName, Params: p} }
	for _, tc := range []struct {
		name   string
		cfg    Config
		err    string
		sigma  string
		decay  string
		linear bool
	}{
		{name: "constant", cfg: good(Params{"sigma": "1e-9"}), sigma: "1/1000000000", decay: "0"},
		{name: "decreasing linear", cfg: good(Params{"sigma": "0.5", "decay": "0.25", "linear": "true"}), sigma: "1/2", decay: "1/4", linear: true},
		{name: "no sigma", cfg: good(nil), err: "cqf needs the parameter sigma=S"},
		{name: "zero sigma", cfg: good(Params{"sigma": "0"}), err: `sigma="0" must be a positive decimal`},
		{name: "word sigma", cfg: good(Params{"sigma": "fast"}), err: `sigma="fast" must be a positive decimal`},
		{name: "negative decay", cfg: good(Params{"sigma": "1", "decay": "-1"}), err: `decay="-1" must be a non-negative decimal`},
		{name: "bad linear", cfg: good(Params{"sigma": "1", "linear": "maybe"}), err: `linear="maybe" must be true or false`},
		{name: "unknown param", cfg: good(Params{"sigma": "1", "M": "5"}), err: `mechanism cqf takes no parameter "M" (accepted: sigma, decay, linear)`},
		{name: "pool", cfg: Config{Mechanism: CQFName, Params: Params{"sigma": "1"}, Pool: *uint256.NewInt(5)}, err: "cqf has no matching pool, so pool does not apply"},
		{name: "cap and min", cfg: Config{Mechanism: CQFName, Params: Params{"sigma": "1"}, CapBps: 5, MinAmount: *uint256.NewInt(1)}, err: "so cap-bps, min-amount do not apply"},
		{name: "score scale", cfg: Config{Mechanism: CQFName, Params: Params{"sigma": "1"}, ScoreScale: "1:2"}, err: "so score-scale does not apply"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.cfg.Validate()
			if tc.err != "" {
				require.ErrorIs(t, err, ErrParam)
				require.ErrorContains(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			pol, linear, err := tc.cfg.Params.CQF()
			require.NoError(t, err)
			require.Equal(t, tc.sigma, pol.Sigma.RatString())
			require.Equal(t, tc.decay, pol.Decay.RatString())
			require.Equal(t, tc.linear, linear)
		})
	}
	// A pool computation of a cqf round says where its results come from.
	_, err := NewMechanism(CQFName, Params{"sigma": "1"})
	require.ErrorIs(t, err, ErrNotPool)
	_, err = Compute(&Tally{}, Config{Mechanism: CQFName, Params: Params{"sigma": "1"}})
	require.ErrorIs(t, err, ErrNotPool)
}

// TestAtanConstants: the literal constants are exactly what math/big
// derives at 256 bits.
func TestAtanConstants(t *testing.T) {
	table, halfPi, inv := atanConstants()
	require.Equal(t, table, atanTable)
	require.Equal(t, halfPi, halfPiQ62)
	require.Equal(t, inv, twoOverPi)
	require.Equal(t, fxNorm(inv, -64), twoOverPiF)
}
