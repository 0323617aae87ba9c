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
