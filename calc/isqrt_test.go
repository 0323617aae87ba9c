package calc

import (
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"
)

func checkIsqrt(t *testing.T, x *uint256.Int) {
	var got uint256.Int
	isqrt(&got, x)
	want := new(big.Int).Sqrt(x.ToBig())
	require.Equal(t, want.String(), got.Dec(), "isqrt(%s)", x.Dec())
}

func TestIsqrtEdges(t *testing.T) {
	cases := []*uint256.Int{uint256.NewInt(0), uint256.NewInt(1), uint256.NewInt(2), uint256.NewInt(3), uint256.NewInt(4),
		uint256.NewInt(1<<63 - 1), new(uint256.Int).SetAllOne()}
	for k := 1; k < 256; k++ {
		p := new(uint256.Int).Lsh(uint256.NewInt(1), uint(k))
		cases = append(cases, p, new(uint256.Int).SubUint64(p, 1), new(uint256.Int).AddUint64(p, 1))
		sq := new(uint256.Int).Lsh(uint256.NewInt(1), uint(k/2)) // perfect squares and neighbours
		sq.Mul(sq, sq)
		cases = append(cases, sq, new(uint256.Int).SubUint64(sq, 1))
	}
	for _, x := range cases {
		checkIsqrt(t, x)
	}
}

func TestIsqrtRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 200000; i++ {
		x := uint256.Int{r.Uint64(), r.Uint64(), 0, 0}
		x.Rsh(&x, uint(r.IntN(128)))
		checkIsqrt(t, &x)
	}
}

func FuzzIsqrt(f *testing.F) {
	f.Add(uint64(0), uint64(0), uint64(0))
	f.Add(uint64(1<<62-1), ^uint64(0), uint64(3))
	f.Fuzz(func(t *testing.T, hi, lo, top uint64) {
		checkIsqrt(t, &uint256.Int{lo, hi, top & 7, 0})
		checkIsqrt(t, &uint256.Int{lo, hi & (1<<62 - 1), 0, 0})
	})
}

// TestQFGapsPaths: every path of qfGaps (one-word amounts with small and
// large weights, either side of the 2^15 bound, amounts past 2^64, and
// c·w past 2^256) gives the spec's value, computed with math/big.
func TestQFGapsPaths(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 8))
	weights := []Bps{0, 1, One, 1 << 15, 1<<15 + 1, maxBps}
	for trial := range 200 {
		var terms []Term
		want := new(big.Int)
		sumS, sumC := new(big.Int), new(big.Int)
		for i := range 1 + r.IntN(40) {
			var c uint256.Int
			switch r.IntN(4) {
			case 0, 1:
				c.SetUint64(r.Uint64() | 1)
			case 2:
				c.SetUint64(1 + r.Uint64N(1e18))
			default:
				c = uint256.Int{r.Uint64(), r.Uint64(), r.Uint64(), r.Uint64() >> uint(r.IntN(64))}
			}
			w := weights[r.IntN(len(weights))]
			if trial%2 == 0 {
				w = Bps(r.Uint64N(uint64(maxBps) + 1))
			}
			terms = append(terms, Term{Gap: 0, Donor: int32(i), Amount: c, Weight: w})
			cw := new(big.Int).Mul(c.ToBig(), big.NewInt(int64(w)))
			sumC.Add(sumC, cw)
			sumS.Add(sumS, new(big.Int).Sqrt(new(big.Int).Mul(cw, big.NewInt(1e14))))
		}
		want.Mul(sumS, sumS).Sub(want, sumC.Mul(sumC, big.NewInt(1e14)))
		if want.Sign() < 0 {
			want.SetInt64(0)
		}
		values := make([]*big.Int, 1)
		qfGaps(terms, values)
		require.Equal(t, want.String(), values[0].String(), "trial %d", trial)
	}
}
