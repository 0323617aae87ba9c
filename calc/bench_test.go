package calc_test

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
)

// benchTally builds a round shaped like gen_round.py's: n contributions,
// g gaps, d donors, amounts of 0.01..1 token with a few whales.
func benchTally(b *testing.B, n, g, d int) *calc.Tally {
	r := rand.New(rand.NewPCG(1, 1))
	t, err := calc.NewTally(gaps(g), nil)
	if err != nil {
		b.Fatal(err)
	}
	t.Grow(n)
	donors := make([]string, d)
	for i := range donors {
		donors[i] = fmt.Sprintf("0x%040x", i+1)
	}
	for i := 0; i < n; i++ {
		a := uint256.NewInt(1e16 * (1 + r.Uint64N(100)))
		if r.IntN(1000) == 0 {
			a.Mul(uint256.NewInt(1e18), uint256.NewInt(1000+r.Uint64N(49000)))
		}
		gi := int32(r.IntN(g))
		if r.IntN(2) == 0 {
			gi = int32(r.IntN(1 + g/20)) // popular gaps
		}
		if err := t.AddIndexed(t.DonorIndex(donors[r.IntN(d)]), gi, a); err != nil {
			b.Fatal(err)
		}
	}
	return t
}

func BenchmarkQFRaw(b *testing.B) {
	t := benchTally(b, 200_000, 2000, 40_000)
	terms, err := t.Terms()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		if _, err := (calc.QF{}).Raw(2000, terms); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(terms)), "terms")
}

func BenchmarkTally1M(b *testing.B) {
	for range b.N {
		if _, err := benchTally(b, 1_000_000, 2000, 200_000).Terms(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDistribute(b *testing.B) {
	r := rand.New(rand.NewPCG(2, 2))
	raw := calc.Raw{Scale: big.NewInt(1e18)}
	for range 2000 {
		raw.Values = append(raw.Values, new(big.Int).Mul(big.NewInt(r.Int64N(1<<40)), big.NewInt(1e18)))
	}
	pool := uint256.MustFromDecimal("1000000000000000000000000")
	b.ResetTimer()
	for range b.N {
		if _, err := calc.Distribute(pool, raw, calc.DistributeOptions{CapBps: 500}); err != nil {
			b.Fatal(err)
		}
	}
}
