package calc_test

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
)

// sumsOf computes, independently of the tally, the per-gap sums of rows
// (donor i gives to gap g): every cell is matchable but a recipient's own.
func sumsOf(gs []calc.Gap, rows []row, weights map[string]calc.Bps) ([]calc.GapSums, int) {
	type cell struct {
		gap   uint64
		donor string
	}
	totals := map[cell]*uint256.Int{}
	donors := map[string]bool{}
	for _, r := range rows {
		k := cell{r.gap, r.donor}
		if totals[k] == nil {
			totals[k] = new(uint256.Int)
		}
		totals[k].Add(totals[k], uint256.MustFromDecimal(r.amount))
		donors[r.donor] = true
	}
	sums := make([]calc.GapSums, len(gs))
	for k, c := range totals {
		s := &sums[k.gap-1]
		s.Direct.Add(&s.Direct, c)
		s.Contributors++
		w, ok := weights[k.donor]
		if !ok {
			w = calc.One
		}
		if w == 0 || k.donor == strings.ToLower(gs[k.gap-1].Recipient.Hex()) {
			continue
		}
		root := calc.QFRoot(c, w)
		s.Roots.Add(&s.Roots, &root)
		s.Weighted.Add(&s.Weighted, new(big.Int).Mul(c.ToBig(), big.NewInt(int64(w))))
	}
	return sums, len(donors)
}

// sameResult compares two results field by field (raw values by value).
func sameResult(t *testing.T, want, got *calc.Result) {
	t.Helper()
	require.Equal(t, want.Mechanism, got.Mechanism)
	require.Equal(t, want.Pool, got.Pool)
	require.Zero(t, want.Scale.Cmp(got.Scale), "scale")
	require.Equal(t, want.Direct, got.Direct)
	require.Equal(t, want.Matched, got.Matched)
	require.Equal(t, want.Rows, got.Rows)
	require.Equal(t, want.Donors, got.Donors)
	require.Len(t, got.Gaps, len(want.Gaps))
	for i := range want.Gaps {
		w, g := want.Gaps[i], got.Gaps[i]
		require.Zero(t, w.Raw.Cmp(g.Raw), "gap %s raw %s, want %s", w.Gap.Dec(), g.Raw, w.Raw)
		w.Raw, g.Raw = nil, nil
		require.Equal(t, w, g, "gap %d", i)
	}
}

// TestComputeFromSumsEqualsCompute: on random rounds (weights, zero
// weights, self-donations, amounts past 2^64 and near 2^256/10^18, caps,
// no upscale), the round computed from per-gap sums is the one Compute
// computes from the rows.
func TestComputeFromSumsEqualsCompute(t *testing.T) {
	for seed := range uint64(40) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 21))
			nGaps := 1 + rng.IntN(6)
			gs := gaps(nGaps)
			donorNames := []string{"alice", "bob", "carol", "0x00000000000000000000000000000000000000a1"}
			for g := range nGaps { // a recipient donating to its own gap, or another's
				donorNames = append(donorNames, strings.ToLower(gs[g].Recipient.Hex()))
			}
			var rows []row
			for range rng.IntN(60) {
				amount := fmt.Sprint(1 + rng.Uint64N(1_000_000))
				switch rng.IntN(8) {
				case 0:
					amount = new(big.Int).Lsh(big.NewInt(int64(1+rng.IntN(1000))), 70).String()
				case 1:
					amount = new(big.Int).Lsh(big.NewInt(int64(1+rng.IntN(1000))), 180).String()
				}
				rows = append(rows, row{donorNames[rng.IntN(len(donorNames))], uint64(1 + rng.IntN(nGaps)), amount})
			}
			weights := map[string]calc.Bps{}
			if seed%3 == 1 {
				for _, d := range donorNames[:3] {
					weights[d] = calc.Bps(rng.IntN(30000))
				}
				weights["carol"] = 0
			}
			for _, mech := range []string{"qf", "linear"} {
				t.Run(mech, func(t *testing.T) {
					cfg := calc.Config{Mechanism: mech, Pool: pool("1000000000000000000000"), NoUpscale: seed%4 == 3}
					if seed%5 == 2 {
						cfg.CapBps = 3000
					}
					tl := tally(t, nGaps, rows, nil)
					for name, w := range weights {
						for d, n := range tl.Donors() {
							if n == name {
								tl.SetWeight(int32(d), w)
							}
						}
					}
					want := compute(t, tl, cfg)
					sums, donors := sumsOf(gs, rows, weights)
					got, err := calc.ComputeFromSums(gs, sums, len(rows), donors, cfg)
					require.NoError(t, err)
					sameResult(t, want, got)
				})
			}
		})
	}
}

func TestComputeFromSumsRefuses(t *testing.T) {
	gs := gaps(2)
	for _, tc := range []struct {
		name string
		gaps []calc.Gap
		sums []calc.GapSums
		cfg  calc.Config
		want string
	}{
		{"pairwise", gs, make([]calc.GapSums, 2), calc.Config{Mechanism: "pairwise", Params: calc.Params{"M": "10"}},
			`the mechanism cannot be computed from per-gap sums: "pairwise"`},
		{"sums and gaps differ", gs, make([]calc.GapSums, 1), calc.Config{Mechanism: "qf"},
			"the mechanism cannot be computed from per-gap sums: 1 sums for 2 gaps"},
		{"duplicate gap", []calc.Gap{gs[0], gs[0]}, make([]calc.GapSums, 2), calc.Config{Mechanism: "qf"},
			"duplicate gap: 1"},
		{"bad config", gs, make([]calc.GapSums, 2), calc.Config{Mechanism: "qf", CapBps: 10001},
			"cap must be between 1 and 10000 basis points: got 10001"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := calc.ComputeFromSums(tc.gaps, tc.sums, 0, 0, tc.cfg)
			require.EqualError(t, err, tc.want)
		})
	}
}

// TestQFRootIsQFsRoot: a one-donor gap's raw qf value is QFRoot² −
// 10^14·c·w, for the usual path and the wide ones.
func TestQFRootIsQFsRoot(t *testing.T) {
	max := new(uint256.Int).SetAllOne()
	for _, tc := range []struct {
		name   string
		amount *uint256.Int
		w      calc.Bps
	}{
		{"small", uint256.NewInt(12345), calc.One},
		{"weighted", uint256.NewInt(99_999_999_999), 1 << 15},
		{"heavy weight", uint256.NewInt(1 << 62), 65000},
		{"past 2^64", new(uint256.Int).Lsh(uint256.NewInt(7), 100), calc.One},
		{"c·w·10^14 past 2^256", new(uint256.Int).Rsh(max, 40), calc.One},
		{"c·w past 2^256", max, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			gs := gaps(1)
			tl, err := calc.NewTally(gs, nil)
			require.NoError(t, err)
			require.NoError(t, tl.Add("alice", uint256.NewInt(1), tc.amount))
			tl.SetWeight(0, tc.w)
			res, err := calc.Compute(tl, calc.Config{Mechanism: "qf", Pool: pool("1000")})
			require.NoError(t, err)
			root := calc.QFRoot(tc.amount, tc.w)
			want := new(big.Int).Mul(root.ToBig(), root.ToBig())
			want.Sub(want, new(big.Int).Mul(new(big.Int).Mul(tc.amount.ToBig(), big.NewInt(int64(tc.w))), big.NewInt(1e14)))
			if want.Sign() < 0 {
				want.SetInt64(0)
			}
			require.Zero(t, want.Cmp(res.Gaps[0].Raw), "raw %s, want %s", res.Gaps[0].Raw, want)
			// and the root is the floor square root
			x := new(big.Int).Mul(new(big.Int).Mul(tc.amount.ToBig(), big.NewInt(int64(tc.w))), big.NewInt(1e14))
			require.Zero(t, new(big.Int).Sqrt(x).Cmp(root.ToBig()))
		})
	}
}
