package calc

import (
	"math/big"

	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/internal/wide"
)

// isqrt sets z to floor(sqrt(x)).
func isqrt(z, x *uint256.Int) *uint256.Int {
	if x[2] == 0 && x[3] == 0 && x[1] < 1<<62 {
		return z.SetUint64(wide.Sqrt128(x[1], x[0]))
	}
	return z.Sqrt(x)
}

// isqrtBig is the reference: math/big's exact floor square root.
func isqrtBig(x *big.Int) *big.Int { return new(big.Int).Sqrt(x) }
