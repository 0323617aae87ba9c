package ingest

import (
	"crypto/sha256"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/calc"
)

// genRound makes a round shaped like ../shared/bench/gen_round.py's (Zipf
// gaps and donors, 18-decimal amounts, a few whales): n rows over g gaps
// from d donors.
func genRound(n, g, d int) ([]calc.Gap, []byte) {
	addr := func(tag string, i int) string {
		h := sha256.Sum256(fmt.Appendf(nil, "%s:%d", tag, i))
		return fmt.Sprintf("0x%x", h[:20])
	}
	gaps := make([]calc.Gap, g)
	for j := range gaps {
		gaps[j] = calc.Gap{ID: *uint256.NewInt(uint64(j + 1)), Recipient: common.HexToAddress(addr("gap", j+1))}
	}
	cum := func(k int, s float64) []float64 {
		c, sum := make([]float64, k), 0.0
		for i := range c {
			sum += 1 / math.Pow(float64(i+1), s)
			c[i] = sum
		}
		return c
	}
	cg, cd := cum(g, 1.1), cum(d, 0.7)
	donors := make([]string, d)
	for i := range donors {
		donors[i] = addr("donor", i)
	}
	r := rand.New(rand.NewPCG(1, 1))
	e18 := new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)
	var b strings.Builder
	b.Grow(n * 75)
	b.WriteString("id,donor,gap,amount\n")
	for k := range n {
		donor := sort.SearchFloat64s(cd, r.Float64()*cd[d-1])
		gap := 1 + sort.SearchFloat64s(cg, r.Float64()*cg[g-1])
		var amt *big.Int
		switch x := r.Float64(); {
		case x < 0.001:
			amt = new(big.Int).Mul(big.NewInt(1000+r.Int64N(49001)), e18)
		case x < 0.05:
			amt = new(big.Int).Mul(big.NewInt(50+r.Int64N(951)), e18)
			amt.Div(amt, big.NewInt(10))
		default:
			amt = new(big.Int).Mul(big.NewInt(1+r.Int64N(100)), e18)
			amt.Div(amt, big.NewInt(100))
		}
		fmt.Fprintf(&b, "c%d,%s,%d,%s\n", k, donors[min(donor, d-1)], min(gap, g), amt)
	}
	return gaps, []byte(b.String())
}

// BenchmarkCalcFile is `qf calc`'s work after reading the files: load a
// 1M-row CSV (parse, dedup, group donors), sum per (gap, donor), and take
// QF's square roots.
func BenchmarkCalcFile(b *testing.B) {
	gaps, data := genRound(1_000_000, 2000, 200_000)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		t, err := calc.NewTally(gaps, nil)
		if err != nil {
			b.Fatal(err)
		}
		l := NewLoader(t, nil, len(data)/80)
		l.Dedup = true
		if err := l.LoadFile("c.csv", data, Options{}); err != nil {
			b.Fatal(err)
		}
		l.Finish()
		if _, err := calc.Compute(t, calc.Config{Mechanism: "qf", Pool: *uint256.NewInt(1e18)}); err != nil {
			b.Fatal(err)
		}
	}
}
