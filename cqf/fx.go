package cqf

import (
	"math/big"
	"math/bits"

	"github.com/holiman/uint256"

	"github.com/qf-dev/qf/internal/wide"
)

// fx is a non-negative software float m·2^e with a 64-bit mantissa (m has
// its top bit set, or is 0 for zero). Every operation truncates, with
// integer instructions only, so results are the same bits on every
// platform: the coordinated-QF solver ([Solve]) runs on it where
// math/big would be too slow and float64 is not allowed. Each operation is
// within 2^-62 (relative) of the exact result of its inputs.
type fx struct {
	m uint64
	e int
}

// fxOne is 1.
var fxOne = fx{1 << 63, -63}

func fxNorm(m uint64, e int) fx {
	if m == 0 {
		return fx{}
	}
	n := bits.LeadingZeros64(m)
	return fx{m << n, e - n}
}

// fx128 normalizes hi·2^64 + lo times 2^e.
func fx128(hi, lo uint64, e int) fx {
	if hi == 0 {
		return fxNorm(lo, e)
	}
	n := bits.LeadingZeros64(hi)
	if n == 0 {
		return fx{hi, e + 64}
	}
	return fx{hi<<n | lo>>(64-n), e + 64 - n}
}

func fxU256(v *uint256.Int) fx {
	for w := 3; w > 0; w-- {
		if v[w] != 0 {
			return fx128(v[w], v[w-1], 64*(w-1))
		}
	}
	return fxNorm(v[0], 0)
}

// fxRat rounds a positive rational down to an fx.
func fxRat(r *big.Rat) fx {
	num, den := r.Num(), r.Denom()
	// Scale so the quotient has at least 64 significant bits.
	sh := den.BitLen() - num.BitLen() + 65
	q := new(big.Int).Set(num)
	if sh > 0 {
		q.Lsh(q, uint(sh))
	} else {
		q.Rsh(q, uint(-sh))
	}
	q.Quo(q, den)
	b := q.BitLen()
	q.Rsh(q, uint(b-64))
	return fx{q.Uint64(), b - 64 - sh}
}

func (a fx) zero() bool { return a.m == 0 }

func (a fx) mul(b fx) fx {
	if a.m == 0 || b.m == 0 {
		return fx{}
	}
	hi, lo := bits.Mul64(a.m, b.m)
	if hi>>63 != 0 {
		return fx{hi, a.e + b.e + 64}
	}
	return fx{hi<<1 | lo>>63, a.e + b.e + 63}
}

// div returns a/b; b must not be zero.
func (a fx) div(b fx) fx {
	if a.m == 0 {
		return fx{}
	}
	// (a.m/2)·2^64 / b.m is in [2^62, 2^64): a.m/2 < b.m, so no overflow.
	q, _ := bits.Div64(a.m>>1, a.m<<63, b.m)
	return fxNorm(q, a.e-b.e-63)
}

// shr returns a·2^-k.
func (a fx) shr(k int) fx {
	if a.m == 0 {
		return a
	}
	return fx{a.m, a.e - k}
}

// aligned returns a's mantissa shifted to exponent e ≥ a.e (0 if it
// vanishes).
func (a fx) aligned(e int) uint64 {
	if d := e - a.e; d < 64 {
		return a.m >> d
	}
	return 0
}

func (a fx) add(b fx) fx {
	if a.m == 0 {
		return b
	}
	if b.m == 0 {
		return a
	}
	e := max(a.e, b.e)
	s, c := bits.Add64(a.aligned(e), b.aligned(e), 0)
	return fx128(c, s, e)
}

// sub returns a − b and whether it is negative (then it returns b − a).
func (a fx) sub(b fx) (fx, bool) {
	if a.cmp(b) < 0 {
		d, _ := b.sub(a)
		return d, true
	}
	if b.m == 0 {
		return a, false
	}
	e := a.e
	return fxNorm(a.m-b.aligned(e), e), false
}

func (a fx) cmp(b fx) int {
	switch {
	case a.m == 0 && b.m == 0:
		return 0
	case a.m == 0:
		return -1
	case b.m == 0:
		return 1
	case a.e != b.e:
		if a.e < b.e {
			return -1
		}
		return 1
	case a.m < b.m:
		return -1
	case a.m > b.m:
		return 1
	}
	return 0
}

func (a fx) sqrt() fx {
	if a.m == 0 {
		return a
	}
	sh := 62 // m·2^62 < 2^126, isqrt128's domain
	if a.e&1 != 0 {
		sh = 61
	}
	hi, lo := a.m>>(64-sh), a.m<<sh
	return fxNorm(wide.Sqrt128(hi, lo), (a.e-sh)/2)
}

// u128 returns floor(a·2^-e) as a 128-bit integer hi·2^64+lo, saturating
// at 2^128−1.
func (a fx) u128(e int) (hi, lo uint64) {
	s := a.e - e
	switch {
	case a.m == 0 || s <= -64:
		return 0, 0
	case s < 0:
		return 0, a.m >> -s
	case s == 0:
		return 0, a.m
	case s < 64:
		return a.m >> (64 - s), a.m << s
	}
	return ^uint64(0), ^uint64(0)
}

// float64 is for reports and tests only; nothing on a payout path reads it.
func (a fx) float64() float64 {
	f, _ := new(big.Float).SetMantExp(new(big.Float).SetUint64(a.m), a.e).Float64()
	return f
}
