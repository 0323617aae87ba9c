package calc_test

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/internal/bulk"
)

type row struct {
	donor  string
	gap    uint64
	amount string
}

func gaps(n int) []calc.Gap {
	out := make([]calc.Gap, n)
	for i := range out {
		out[i] = calc.Gap{ID: *uint256.NewInt(uint64(i + 1)), Recipient: common.BigToAddress(big.NewInt(int64(0xA000 + i + 1)))}
	}
	return out
}

func tally(t *testing.T, nGaps int, rows []row, min *uint256.Int) *calc.Tally {
	t.Helper()
	tl, err := calc.NewTally(gaps(nGaps), min)
	require.NoError(t, err)
	for _, r := range rows {
		a, err := calc.ParseAmount(r.amount, 0)
		require.NoError(t, err)
		d, err := calc.NormalizeDonor(r.donor)
		require.NoError(t, err)
		require.NoError(t, tl.Add(d, uint256.NewInt(r.gap), &a))
	}
	return tl
}

func compute(t *testing.T, tl *calc.Tally, cfg calc.Config) *calc.Result {
	t.Helper()
	res, err := calc.Compute(tl, cfg)
	require.NoError(t, err)
	return res
}

func matches(r *calc.Result) []string {
	out := make([]string, len(r.Gaps))
	for i, g := range r.Gaps {
		out[i] = g.Match.Dec()
	}
	return out
}

func rawBase(r *calc.Result) []string {
	out := make([]string, len(r.Gaps))
	for i, g := range r.Gaps {
		out[i] = new(big.Int).Quo(g.Raw, r.Scale).String()
	}
	return out
}

func pool(s string) uint256.Int { return *uint256.MustFromDecimal(s) }

// The design note's worked example: one $100 gift, 100 gifts of $1, 10 of $10.
func TestQFWorkedExample(t *testing.T) {
	var rows []row
	rows = append(rows, row{"a0", 1, "100"})
	for i := 0; i < 100; i++ {
		rows = append(rows, row{fmt.Sprintf("b%d", i), 2, "1"})
	}
	for i := 0; i < 10; i++ {
		rows = append(rows, row{fmt.Sprintf("c%d", i), 3, "10"})
	}
	tl := tally(t, 3, rows, nil)
	// In integers: (100·isqrt(10^18))² − 100·10^18 is exactly 9900·10^18; isqrt(10·10^18) = 3162277660
	// is just under √10·10^9, so gap 3 is 899.99… and floors to 899.
	res := compute(t, tl, calc.Config{Pool: pool("10800"), NoUpscale: true})
	require.Equal(t, []string{"0", "9900", "899"}, rawBase(res), "raw subsidies in base units (floored)")
	// Default: the whole pool pro rata.
	res = compute(t, tl, calc.Config{Pool: pool("10800")})
	require.Equal(t, []string{"0", "9900", "900"}, matches(res))
	require.Equal(t, "10800", res.Matched.Dec())
	require.Equal(t, []int{1, 100, 10}, []int{res.Gaps[0].Contributors, res.Gaps[1].Contributors, res.Gaps[2].Contributors})
}

func TestAggregationBeforeSquareRoot(t *testing.T) {
	// Donor x gives 1 twice to gap 1: one contributor with 2, so no subsidy
	// (a single donor is never matched). Two donors giving 1 each get one.
	same := tally(t, 2, []row{{"x", 1, "1"}, {"x", 1, "1"}, {"y", 2, "1"}, {"z", 2, "1"}}, nil)
	res := compute(t, same, calc.Config{Pool: pool("1000")})
	require.Equal(t, []string{"0", "1000"}, matches(res))
	require.Equal(t, 1, res.Gaps[0].Contributors)
	require.Equal(t, "2", res.Gaps[0].Direct.Dec())
}

func TestEligibility(t *testing.T) {
	rcpt := "0x000000000000000000000000000000000000a001" // gap 1's recipient
	cases := []struct {
		name string
		rows []row
		min  string
		want []string
	}{
		{"self-donation is not matched", []row{{rcpt, 1, "100"}, {"u", 1, "100"}, {"v", 2, "100"}, {"w", 2, "100"}}, "0", []string{"0", "1000"}},
		{"self-donation by checksummed address", []row{{"0x000000000000000000000000000000000000A001", 1, "100"}, {"u", 1, "100"}, {"v", 2, "1"}, {"w", 2, "1"}}, "0", []string{"0", "1000"}},
		{"below minimum is dropped from matching", []row{{"a", 1, "5"}, {"b", 1, "5"}, {"c", 2, "50"}, {"d", 2, "50"}}, "10", []string{"0", "1000"}},
		{"minimum applies per contribution", []row{{"a", 1, "5"}, {"a", 1, "5"}, {"b", 1, "10"}, {"c", 2, "10"}, {"d", 2, "10"}}, "10", []string{"0", "1000"}},
		{"at the minimum counts", []row{{"a", 1, "10"}, {"b", 1, "10"}, {"c", 2, "10"}, {"d", 2, "10"}}, "10", []string{"500", "500"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			min := pool(c.min)
			res := compute(t, tally(t, 2, c.rows, &min), calc.Config{Pool: pool("1000"), MinAmount: min})
			require.Equal(t, c.want, matches(res))
		})
	}
}

func TestWeights(t *testing.T) {
	rows := []row{{"a", 1, "400"}, {"b", 1, "100"}, {"c", 2, "400"}, {"d", 2, "100"}}
	// Weight 1 everywhere equals no weights.
	plain := compute(t, tally(t, 2, rows, nil), calc.Config{Pool: pool("1000000"), NoUpscale: true})
	tl := tally(t, 2, rows, nil)
	for i := range tl.Donors() {
		tl.SetWeight(int32(i), calc.One)
	}
	require.Equal(t, rawBase(plain), rawBase(compute(t, tl, calc.Config{Pool: pool("1000000"), NoUpscale: true})))

	// Weight 0.25 on donor a equals a giving a quarter as much, for matching.
	tl = tally(t, 2, rows, nil)
	w, err := calc.ParseWeight("0.25")
	require.NoError(t, err)
	tl.SetWeight(0, w)
	weighted := compute(t, tl, calc.Config{Pool: pool("1000000"), NoUpscale: true})
	quarter := compute(t, tally(t, 2, []row{{"a", 1, "100"}, {"b", 1, "100"}, {"c", 2, "400"}, {"d", 2, "100"}}, nil), calc.Config{Pool: pool("1000000"), NoUpscale: true})
	require.Equal(t, 0, weighted.Gaps[0].Raw.Cmp(quarter.Gaps[0].Raw))
	require.Equal(t, "500", weighted.Gaps[0].Direct.Dec(), "direct stays unweighted")
	// (√100+√100)²−200 = 200; (√400+√100)²−500 = 400.
	require.Equal(t, []string{"200", "400"}, rawBase(weighted))

	// Weight 0 removes a donor from matching.
	tl.SetWeight(0, 0)
	require.Equal(t, []string{"0", "400"}, rawBase(compute(t, tl, calc.Config{Pool: pool("1000000"), NoUpscale: true})))
}

func TestScoreScale(t *testing.T) {
	sc, err := calc.ParseScoreScale("15:25")
	require.NoError(t, err)
	for score, want := range map[string]calc.Bps{"0": 0, "14.999": 0, "15": 5000, "20": 7500, "24.99": 9995, "25": 10000, "25.5": 10000, "100": 10000} {
		got, err := sc.Weight(score)
		require.NoError(t, err, score)
		require.Equal(t, want, got, "score %s", score)
	}
	for _, bad := range []string{"25:15", "x:1", "1", "1:1"} {
		_, err := calc.ParseScoreScale(bad)
		require.ErrorIs(t, err, calc.ErrWeight, bad)
	}
}

// refQF is the spec's qf rule written independently with math/big.
func refQF(contribs map[int]map[string]*big.Int) map[int]*big.Int {
	e18 := new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)
	out := map[int]*big.Int{}
	for g, donors := range contribs {
		sumS, sumC := new(big.Int), new(big.Int)
		for _, c := range donors {
			sumS.Add(sumS, new(big.Int).Sqrt(new(big.Int).Mul(c, e18)))
			sumC.Add(sumC, c)
		}
		r := new(big.Int).Mul(sumS, sumS)
		r.Sub(r, sumC.Mul(sumC, e18))
		if r.Sign() < 0 {
			r.SetInt64(0)
		}
		out[g] = r
	}
	return out
}

func TestQFMatchesReference(t *testing.T) {
	for seed := uint64(0); seed < 40; seed++ {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 7))
			nGaps := 1 + r.IntN(6)
			tl, err := calc.NewTally(gaps(nGaps), nil)
			require.NoError(t, err)
			ref := map[int]map[string]*big.Int{}
			for i := 0; i < 1+r.IntN(300); i++ {
				g := r.IntN(nGaps)
				d := fmt.Sprintf("d%d", r.IntN(40))
				var a uint256.Int
				switch r.IntN(4) { // small, token-sized, huge (big-number path), near max
				case 0:
					a.SetUint64(1 + r.Uint64N(1000))
				case 1:
					a.Mul(uint256.NewInt(1+r.Uint64N(1e6)), uint256.NewInt(1e15))
				case 2:
					a = uint256.Int{r.Uint64(), r.Uint64(), r.Uint64() >> 8, 0}
				default:
					a = uint256.Int{r.Uint64(), r.Uint64(), r.Uint64(), r.Uint64() >> 12}
				}
				if a.IsZero() {
					a.SetOne()
				}
				if ref[g] == nil {
					ref[g] = map[string]*big.Int{}
				}
				prev := ref[g][d]
				sum := a.ToBig()
				if prev != nil {
					sum.Add(sum, prev)
				}
				if sum.BitLen() > 256 { // keep per-donor totals in uint256, as the tally requires
					continue
				}
				ref[g][d] = sum
				require.NoError(t, tl.Add(d, uint256.NewInt(uint64(g+1)), &a))
			}
			terms, err := tl.Terms()
			require.NoError(t, err)
			raw, err := calc.QF{}.Raw(nGaps, terms)
			require.NoError(t, err)
			want := refQF(ref)
			for g := 0; g < nGaps; g++ {
				w := want[g]
				if w == nil {
					w = new(big.Int)
				}
				require.Equal(t, w.String(), raw.Values[g].String(), "gap %d", g+1)
			}
		})
	}
}

func TestUnknownGapAndZero(t *testing.T) {
	tl, err := calc.NewTally(gaps(1), nil)
	require.NoError(t, err)
	require.ErrorIs(t, tl.Add("a", uint256.NewInt(9), uint256.NewInt(1)), calc.ErrUnknownGap)
	require.ErrorIs(t, tl.Add("a", uint256.NewInt(1), uint256.NewInt(0)), calc.ErrZeroAmount)
	max := new(uint256.Int).SetAllOne()
	require.NoError(t, tl.Add("a", uint256.NewInt(1), max))
	require.NoError(t, tl.Add("a", uint256.NewInt(1), uint256.NewInt(1)))
	_, err = tl.Terms() // the donor's total to gap 1 is 2^256
	require.ErrorIs(t, err, calc.ErrOverflow)
	require.ErrorContains(t, err, "a's total to gap 1")
	_, err = calc.NewTally(append(gaps(2), gaps(1)...), nil)
	require.ErrorIs(t, err, calc.ErrDuplicateGap)
}

func TestMechanismParams(t *testing.T) {
	_, err := calc.NewMechanism("nope", nil)
	require.ErrorIs(t, err, calc.ErrMechanism)
	_, err = calc.NewMechanism("qf", calc.Params{"M": "1"})
	require.ErrorIs(t, err, calc.ErrParam)
	_, err = calc.ParseParams([]string{"M"})
	require.ErrorIs(t, err, calc.ErrParam)
	m, err := calc.NewMechanism("", nil)
	require.NoError(t, err)
	require.Equal(t, "qf", m.Name())
}

// TestQFLargeRoundMatchesReference is big enough for the tally and the QF
// sums to split their work across cores.
func TestQFLargeRoundMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	const nGaps, nDonors, rows = 37, 5000, 120_000
	tl, err := calc.NewTally(gaps(nGaps), nil)
	require.NoError(t, err)
	ref := map[int]map[string]*big.Int{}
	for range rows {
		g, d := r.IntN(nGaps), fmt.Sprintf("d%d", r.IntN(nDonors))
		a := uint256.NewInt(1 + r.Uint64N(1e20>>8))
		if r.IntN(50) == 0 {
			a.Lsh(a, 70) // past 64 bits
		}
		if ref[g] == nil {
			ref[g] = map[string]*big.Int{}
		}
		if ref[g][d] == nil {
			ref[g][d] = new(big.Int)
		}
		ref[g][d].Add(ref[g][d], a.ToBig())
		require.NoError(t, tl.Add(d, uint256.NewInt(uint64(g+1)), a))
	}
	terms, err := tl.Terms()
	require.NoError(t, err)
	require.Greater(t, len(terms), 1<<15)
	for i := 1; i < len(terms); i++ {
		require.True(t, terms[i-1].Gap < terms[i].Gap || terms[i-1].Gap == terms[i].Gap && terms[i-1].Donor < terms[i].Donor, "terms in (gap, donor) order")
	}
	raw, err := calc.QF{}.Raw(nGaps, terms)
	require.NoError(t, err)
	want := refQF(ref)
	for g := range nGaps {
		require.Equal(t, want[g].String(), raw.Values[g].String(), "gap %d", g+1)
	}
}

// TestAddBlockEqualsAddIndexed: rows added as a block (every core,
// grouped by gap as they arrive) make the same tally as the same donors
// and rows added one by one, with a minimum, big amounts, zero weights,
// self-donations and skipped rows; small and large, into an empty tally
// and into one with rows.
func TestAddBlockEqualsAddIndexed(t *testing.T) {
	for _, tc := range []struct {
		name     string
		rows     int
		nonEmpty bool
	}{{"small", 500, false}, {"large", 100_000, false}, {"into a tally with rows", 40_000, true}} {
		t.Run(tc.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(uint64(tc.rows), 3))
			const nGaps, nDonors = 50, 3000
			type contrib struct {
				c    bulk.Row
				skip bool
			}
			rows := make([]contrib, tc.rows)
			for i := range rows {
				c := &rows[i].c
				c.Gap, c.Donor = int32(r.IntN(nGaps)), int32(r.IntN(nDonors))
				c.Amount.SetUint64(1 + r.Uint64N(1e18))
				if r.IntN(30) == 0 {
					c.Amount.Lsh(&c.Amount, 64+uint(r.IntN(100)))
				}
				rows[i].skip = r.IntN(10) == 0
			}
			names := make([]string, nDonors)
			for d := range names {
				names[d] = fmt.Sprintf("d%d", d)
				if d < nGaps { // donor d is gap d's recipient
					names[d] = strings.ToLower(common.BigToAddress(big.NewInt(int64(0xA000 + d + 1))).Hex())
				}
			}
			build := func(asBlock bool, min uint64) *calc.Tally {
				tl, err := calc.NewTally(gaps(nGaps), uint256.NewInt(min))
				require.NoError(t, err)
				first := int32(0)
				if tc.nonEmpty {
					require.NoError(t, tl.AddIndexed(tl.DonorIndex("early"), 3, uint256.NewInt(9e17)))
					first = 1
				}
				if asBlock {
					require.NoError(t, tl.AddBlock(&bulk.Block{Donors: slices.Clone(names), N: len(rows), Row: func(i int, c *bulk.Row) bool {
						*c = rows[i].c
						return !rows[i].skip
					}}))
				} else {
					for d, name := range names {
						require.Equal(t, first+int32(d), tl.DonorIndex(name))
					}
					for _, row := range rows {
						if !row.skip {
							require.NoError(t, tl.AddIndexed(first+row.c.Donor, row.c.Gap, &row.c.Amount))
						}
					}
				}
				for d := range names {
					if d%97 == 0 {
						tl.SetWeight(first+int32(d), 0)
					}
				}
				return tl
			}
			for _, min := range []uint64{0, 5e17} { // terms copied, or the tally's own
				one, block := build(false, min), build(true, min)
				require.Equal(t, one.Rows(), block.Rows())
				require.Equal(t, one.Donors(), block.Donors())
				want, err := one.Terms()
				require.NoError(t, err)
				got, err := block.Terms()
				require.NoError(t, err)
				sameTerms(t, want, got)
				cfg := calc.Config{Mechanism: "qf", Pool: pool("1000000000000000000000"), MinAmount: *uint256.NewInt(min)}
				require.Equal(t, compute(t, one, cfg), compute(t, block, cfg), "min %d", min)
			}
		})
	}
}

// sameTerms compares two term lists and names the first difference (a
// diff of 100k terms would take minutes to print).
func sameTerms(t *testing.T, want, got []calc.Term) {
	t.Helper()
	for i := range min(len(want), len(got)) {
		if want[i] != got[i] {
			t.Fatalf("term %d: want %+v, got %+v", i, want[i], got[i])
		}
	}
	require.Len(t, got, len(want))
}

// TestGapIndex: registries small enough for a dense table (with holes and
// id 0) and ones that are not (a large id, one past 2^64) find every gap
// and only those.
func TestGapIndex(t *testing.T) {
	huge := new(uint256.Int).Lsh(uint256.NewInt(1), 70)
	for _, tc := range []struct {
		name   string
		ids    []*uint256.Int
		absent []*uint256.Int
	}{
		{"dense with holes", []*uint256.Int{uint256.NewInt(0), uint256.NewInt(2), uint256.NewInt(5)},
			[]*uint256.Int{uint256.NewInt(1), uint256.NewInt(3), uint256.NewInt(6), uint256.NewInt(1 << 40), huge}},
		{"sparse", []*uint256.Int{uint256.NewInt(7), uint256.NewInt(1_000_000)},
			[]*uint256.Int{uint256.NewInt(0), uint256.NewInt(8), uint256.NewInt(999_999), huge}},
		{"past 2^64", []*uint256.Int{uint256.NewInt(3), huge},
			[]*uint256.Int{uint256.NewInt(2), new(uint256.Int).AddUint64(huge, 1)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var reg []calc.Gap
			for i := len(tc.ids) - 1; i >= 0; i-- { // out of order: the tally sorts
				reg = append(reg, calc.Gap{ID: *tc.ids[i]})
			}
			tl, err := calc.NewTally(reg, nil)
			require.NoError(t, err)
			for i, id := range tc.ids {
				got, ok := tl.GapIndex(id)
				require.True(t, ok, "gap %s", id.Dec())
				require.Equal(t, int32(i), got, "gap %s", id.Dec())
			}
			for _, id := range tc.absent {
				_, ok := tl.GapIndex(id)
				require.False(t, ok, "gap %s", id.Dec())
			}
		})
	}
}
