package wide

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"testing"
)

// TestSqrt128 checks the floor root against math/big at the edges (powers
// of two, perfect squares and their neighbours) and at random below 2^126.
func TestSqrt128(t *testing.T) {
	var cases [][2]uint64 // hi, lo
	add := func(x *big.Int) {
		if x.Sign() < 0 || x.BitLen() > 126 {
			return
		}
		lo := new(big.Int).And(x, new(big.Int).SetUint64(^uint64(0))).Uint64()
		cases = append(cases, [2]uint64{new(big.Int).Rsh(x, 64).Uint64(), lo})
	}
	one := big.NewInt(1)
	for k := 0; k <= 126; k++ {
		p := new(big.Int).Lsh(one, uint(k))
		add(p)
		add(new(big.Int).Sub(p, one))
		add(new(big.Int).Add(p, one))
		sq := new(big.Int).Lsh(one, uint(k/2))
		sq.Mul(sq, sq)
		add(new(big.Int).Sub(sq, one))
		r := new(big.Int).Sub(new(big.Int).Lsh(one, uint(k/2)), one) // (2^j − 1)² and its neighbours
		r.Mul(r, r)
		add(r)
		add(new(big.Int).Add(r, one))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		cases = append(cases, [2]uint64{rng.Uint64() >> (2 + rng.IntN(62)), rng.Uint64()})
	}
	for _, c := range cases {
		x := new(big.Int).Lsh(new(big.Int).SetUint64(c[0]), 64)
		x.Or(x, new(big.Int).SetUint64(c[1]))
		t.Run(fmt.Sprintf("%#x", x), func(t *testing.T) {
			if got, want := Sqrt128(c[0], c[1]), new(big.Int).Sqrt(x).Uint64(); got != want {
				t.Fatalf("Sqrt128(%s) = %d, want %d", x, got, want)
			}
		})
	}
}
