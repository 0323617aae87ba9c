package calc_test

import (
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
)

// gift is one donor's total to one gap, with the donor's weight (bps; 0 = 1).
type gift struct {
	donor  int
	gap    int // 0-based
	amount *big.Int
	weight calc.Bps
}

// run computes a round of gifts with one mechanism.
func run(t *testing.T, nGaps int, gifts []gift, mech string, params calc.Params, pool string) *calc.Result {
	t.Helper()
	res, err := calc.Compute(tallyOf(t, nGaps, gifts), calc.Config{Mechanism: mech, Params: params, Pool: *uint256.MustFromDecimal(pool)})
	require.NoError(t, err)
	return res
}

// tallyOf tallies gifts over gaps 1..nGaps, donors d000, d001, ….
func tallyOf(t *testing.T, nGaps int, gifts []gift) *calc.Tally {
	t.Helper()
	tl, err := calc.NewTally(gaps(nGaps), nil)
	require.NoError(t, err)
	for _, g := range gifts {
		var a uint256.Int
		require.False(t, a.SetFromBig(g.amount), "amount overflows")
		d := fmt.Sprintf("d%03d", g.donor)
		require.NoError(t, tl.Add(d, uint256.NewInt(uint64(g.gap+1)), &a))
		if g.weight != 0 {
			tl.SetWeight(tl.DonorIndex(d), g.weight)
		}
	}
	return tl
}

// dense builds the donors×gaps matrix of weighted amounts w·c.
func dense(nGaps int, gifts []gift) matrix {
	n := 0
	for _, g := range gifts {
		n = max(n, g.donor+1)
	}
	w := make(matrix, n)
	for i := range w {
		w[i] = make([]*big.Float, nGaps)
		for p := range w[i] {
			w[i][p] = zero()
		}
	}
	for _, g := range gifts {
		v := zero().SetInt(g.amount)
		if g.weight != 0 {
			v = mul(v, quo(fl(float64(g.weight)), fl(float64(calc.One))))
		}
		w[g.donor][g.gap] = add(w[g.donor][g.gap], v)
	}
	return w
}

func e18(v float64) *big.Int {
	f, _ := new(big.Float).SetPrec(200).Mul(big.NewFloat(v), big.NewFloat(1e18)).Int(nil)
	return f
}

// relErr is |got − want| / scale.
func relErr(got, want, scale *big.Float) float64 {
	d := zero().Sub(got, want)
	d.Abs(d)
	if scale.Sign() == 0 {
		f, _ := d.Float64()
		return f
	}
	f, _ := quo(d, scale).Float64()
	return f
}

// Small rounds worked out by hand (in the comments), with raw subsidies in
// base units.
func TestMechanismsByHand(t *testing.T) {
	for _, tc := range []struct {
		name   string
		nGaps  int
		gifts  []gift
		mech   string
		params calc.Params
		want   []float64
	}{
		{
			// √4·√9 = 6 = k_12, so each ordered pair earns 6·6/(6+6) = 3; QF would give 12.
			name: "pairwise one gap", nGaps: 1, mech: "pairwise", params: calc.Params{"M": "6"},
			gifts: []gift{{0, 0, big.NewInt(4), 0}, {1, 0, big.NewInt(9), 0}},
			want:  []float64{6},
		},
		{
			// The same two donors on two gaps: k_12 = 12, each gap 2·6·6/18 = 4.
			name: "pairwise two gaps", nGaps: 2, mech: "pairwise", params: calc.Params{"M": "6"},
			gifts: []gift{{0, 0, big.NewInt(4), 0}, {1, 0, big.NewInt(9), 0}, {0, 1, big.NewInt(4), 0}, {1, 1, big.NewInt(9), 0}},
			want:  []float64{4, 4},
		},
		{
			// Weight 0.25 on the 16: w·c = 4, so it is the first case again.
			name: "pairwise weighted", nGaps: 1, mech: "pairwise", params: calc.Params{"M": "6"},
			gifts: []gift{{0, 0, big.NewInt(16), 2500}, {1, 0, big.NewInt(9), 0}},
			want:  []float64{6},
		},
		{
			// Three donors of 1: S = 3, N_p[i,j] = 3 = N*[i,j]; 6 ordered pairs × 3·3/(3+3) = 9, √9 = 3.
			name: "cluster one gap", nGaps: 1, mech: "cluster", params: calc.Params{"D": "3"},
			gifts: []gift{{0, 0, big.NewInt(1), 0}, {1, 0, big.NewInt(1), 0}, {2, 0, big.NewInt(1), 0}},
			want:  []float64{3},
		},
		{
			// A lone donor gets nothing under any pairwise rule.
			name: "cluster lone donor", nGaps: 1, mech: "cluster", params: calc.Params{"D": "3"},
			gifts: []gift{{0, 0, big.NewInt(100), 0}},
			want:  []float64{0},
		},
		{
			// i1 gives 1 to P and X, i2 gives 1 to P and Y. A = ½ each; B·A rows
			// P = (½, ¼, ¼), X = (½, ½, 0), Y = (½, 0, ½); k_i1 = (1, 1, ⅛), k_i2 = (1, ⅛, 1).
			// For P: K_i1 = (0, 0, ⅞), K_i2 = (0, ⅞, 0), so P'_YX = P'_XY = 7/16 and
			// the other cross pairs have a zero side: raw_P = 2·7/16 = ⅞. X and Y have
			// one donor each and get 0.
			name: "cocm two bridges", nGaps: 3, mech: "cocm",
			gifts: []gift{{0, 0, e18(1), 0}, {0, 1, e18(1), 0}, {1, 0, e18(1), 0}, {1, 2, e18(1), 0}},
			want:  []float64{0.875e18, 0, 0},
		},
		{
			// Donors giving to one gap only: every K_ih is zero where it counts.
			name: "cocm single-issue donors", nGaps: 2, mech: "cocm",
			gifts: []gift{{0, 0, e18(5), 0}, {1, 0, e18(5), 0}, {2, 1, e18(5), 0}},
			want:  []float64{0, 0},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := run(t, tc.nGaps, tc.gifts, tc.mech, tc.params, "1000000")
			got := rawOf(res)
			for p, w := range tc.want {
				require.Less(t, relErr(got[p], fl(w), fl(math.Max(w, 1))), 1e-12, "gap %d: got %s, want %g", p, got[p].Text('g', 20), w)
			}
		})
	}
}

// randomRound draws a small round with amounts over many magnitudes, some
// weights, and donors that overlap across gaps.
func randomRound(r *rand.Rand, lo, hi int) (int, []gift) {
	nGaps := 1 + r.IntN(5)
	nDonors := 2 + r.IntN(10)
	var gifts []gift
	for d := 0; d < nDonors; d++ {
		var w calc.Bps
		if r.IntN(4) == 0 {
			w = calc.Bps(1 + r.IntN(30000))
		}
		for p := 0; p < nGaps; p++ {
			if r.IntN(3) == 0 && !(p == 0 && d < 2) {
				continue
			}
			mag := lo + r.IntN(hi-lo+1)
			a := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(mag)), nil)
			a.Mul(a, big.NewInt(1+r.Int64N(999)))
			gifts = append(gifts, gift{d, p, a, w})
		}
	}
	return nGaps, gifts
}

// payoutErr is the largest |payout − reference payout| / pool, where the
// reference pays pool·raw_p/Σraw in exact reals.
func payoutErr(res *calc.Result, ref []*big.Float, pool *big.Float) float64 {
	sum := zero()
	for _, v := range ref {
		sum = add(sum, v)
	}
	worst := 0.0
	for p, g := range res.Gaps {
		want := zero()
		if sum.Sign() > 0 {
			want = quo(mul(pool, ref[p]), sum)
		}
		worst = math.Max(worst, relErr(zero().SetInt(g.Match.ToBig()), want, pool))
	}
	return worst
}

// Every mechanism against the literal high-precision formula on random
// rounds. Amounts spanning nine orders of magnitude (10^15 … 10^24 base
// units: 0.001 to a million tokens of 18 decimals) give payouts within
// 10^-11 of the pool (the spec asks 10^-9), whatever the bound; cocm may
// refuse a few such rounds (its run-time error bound is conservative).
// Amounts spanning twenty-four orders must either meet 10^-9 or be refused
// with ErrPrecision: never silently off.
func TestMechanismsAgainstReference(t *testing.T) {
	const pool = "1000000000000000000000000000000" // 10^30: one base unit is 10^-30 of it
	poolF := zero().SetInt(uint256.MustFromDecimal(pool).ToBig())
	refused := map[string]int{}
	for _, span := range []struct {
		name   string
		lo, hi int
		tol    float64
	}{{"9 orders", 15, 24, 1e-11}, {"24 orders", 0, 24, 1e-9}} {
		for seed := range uint64(40) {
			r := rand.New(rand.NewPCG(seed, 7))
			nGaps, gifts := randomRound(r, span.lo, span.hi)
			w := dense(nGaps, gifts)
			bound := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(span.lo+r.IntN(span.hi-span.lo+6))), nil)
			bound2 := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(2*span.lo+r.IntN(2*(span.hi-span.lo)+10))), nil)
			for _, tc := range []struct {
				mech   string
				params calc.Params
				ref    func() []*big.Float
			}{
				{"pairwise", calc.Params{"M": bound.String()}, func() []*big.Float { return refPairwise(w, nGaps, zero().SetInt(bound)) }},
				{"cluster", calc.Params{"D": bound2.String()}, func() []*big.Float { return refCluster(w, nGaps, zero().SetInt(bound2), false) }},
				{"cocm", nil, func() []*big.Float { return refCOCM(w, nGaps) }},
			} {
				t.Run(fmt.Sprintf("%s/%s/seed%d", span.name, tc.mech, seed), func(t *testing.T) {
					res, err := calc.Compute(tallyOf(t, nGaps, gifts), calc.Config{Mechanism: tc.mech, Params: tc.params, Pool: *uint256.MustFromDecimal(pool)})
					if span.lo > 0 && tc.mech != "cocm" {
						require.NoError(t, err)
					} else if err != nil {
						require.ErrorIs(t, err, calc.ErrPrecision)
						refused[span.name+" "+tc.mech]++
						return
					}
					got := payoutErr(res, tc.ref(), poolF)
					require.Less(t, got, span.tol, "payout error (fraction of pool)")
				})
			}
		}
	}
	t.Logf("refused with ErrPrecision, of 40 rounds each: %v", refused)
	require.LessOrEqual(t, refused["9 orders cocm"], 4)
}

// Same inputs, same bits: runs repeat exactly, whatever the scheduling.
func TestMechanismsDeterministic(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 3))
	var gifts []gift
	donors := 3000 // enough terms to use every core
	if testing.Short() {
		donors = 400 // still several chunks per worker; -short is the race run's
	}
	for d := 0; d < donors; d++ {
		for k := 0; k < 1+r.IntN(20); k++ {
			gifts = append(gifts, gift{d, r.IntN(40), e18(float64(1 + r.IntN(1000))), 0})
		}
	}
	for _, tc := range []struct {
		mech   string
		params calc.Params
	}{{"pairwise", calc.Params{"M": "5e18"}}, {"cluster", calc.Params{"D": "25e36"}}, {"cocm", nil}} {
		t.Run(tc.mech, func(t *testing.T) {
			first := run(t, 40, gifts, tc.mech, tc.params, "1000000000000000000000")
			for range 3 {
				again := run(t, 40, gifts, tc.mech, tc.params, "1000000000000000000000")
				for p := range first.Gaps {
					require.Equal(t, first.Gaps[p].Raw.String(), again.Gaps[p].Raw.String())
					require.Equal(t, first.Gaps[p].Match, again.Gaps[p].Match)
				}
			}
		})
	}
}

func TestBoundParams(t *testing.T) {
	for _, tc := range []struct {
		mech   string
		params calc.Params
		err    string
	}{
		{"pairwise", nil, "pairwise needs the parameter M=N"},
		{"pairwise", calc.Params{"M": "0"}, `M="0" must be a positive integer`},
		{"pairwise", calc.Params{"M": "-5"}, `M="-5" must be a positive integer`},
		{"pairwise", calc.Params{"M": "1.5"}, `M="1.5" must be a positive integer`},
		{"pairwise", calc.Params{"D": "5"}, `takes no parameter "D"`},
		{"cluster", nil, "cluster needs the parameter D=N"},
		{"cluster", calc.Params{"D": "0x0"}, "must be a positive integer"},
		{"cocm", calc.Params{"M": "1"}, `mechanism cocm takes no parameter "M"`},
		{"quadratic", nil, `unknown mechanism "quadratic"`},
	} {
		t.Run(tc.mech+fmt.Sprint(tc.params), func(t *testing.T) {
			_, err := calc.NewMechanism(tc.mech, tc.params)
			require.ErrorContains(t, err, tc.err)
		})
	}
	m, err := calc.NewMechanism("pairwise", calc.Params{"M": "25e18"})
	require.NoError(t, err)
	require.Equal(t, "25000000000000000000", m.(calc.Pairwise).M.String())
}
